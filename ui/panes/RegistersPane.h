#pragma once

#include <QWidget>

#include "inspect/HartSnapshot.h"

class QComboBox;
class QLabel;

namespace glasshart {

class Inspector;
class RegisterModel;
class RegisterTableView;

// The pc and the integer registers in a table: values in the format chosen
// in the combo box (remembered under the "registers/format" setting), the
// ones changed by the last step or run highlighted, and editable by
// double-click while the program is paused.
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
    QComboBox* formatBox_;
    QLabel* message_;
};

}  // namespace glasshart
