#pragma once

#include <QWidget>

#include "inspect/HartSnapshot.h"

class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;

namespace glasshart {

class Inspector;
class FloatRegisterModel;
class RegisterModel;
class RegisterTableView;

// The registers in two tabs. Integer: the pc and x0..x31, values in the
// format chosen in the combo box (remembered under the "registers/format"
// setting) and editable by double-click while the program is paused.
// Floating point: f0..f31 (doubles, or NaN-boxed singles) and fcsr. In both
// the values changed by the last step or run are highlighted.
class RegistersPane : public QWidget {
    Q_OBJECT

public:
    explicit RegistersPane(Inspector& inspector, QWidget* parent = nullptr);

signals:
    // An accepted edit; connected to Inspector::setRegister (index 32 = pc).
    void registerEditRequested(unsigned index, quint64 value);

private:
    void buildFormatChooser();
    void restoreFormat();
    void chooseFormat(int comboIndex);
    void showSnapshot(const glasshart::HartSnapshot& snapshot);
    void showRunState(glasshart::RunState state);
    void showRefusal(const QString& reason);
    void startNewProgram();

    RegisterModel* model_;
    RegisterTableView* view_;
    FloatRegisterModel* floatModel_;
    QTableView* floatView_;
    QTabWidget* tabs_;
    QComboBox* formatBox_;
    QLabel* message_;
};

}  // namespace glasshart
