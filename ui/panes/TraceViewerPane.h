#pragma once

#include <QSet>
#include <QWidget>
#include <optional>

#include "BlockDescription.h"
#include "inspect/HartSnapshot.h"

class QComboBox;
class QItemSelection;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace glasshart {

class Inspector;
class TraceModel;

// One translated block side by side: the RISC-V instructions on the left,
// aligned with the x86-64 they became on the right, one group of rows per
// guest instruction. Selecting either side highlights the other. While the
// guest is stopped it shows the block at the pc; any block can be asked for.
class TraceViewerPane : public QWidget {
    Q_OBJECT

public:
    explicit TraceViewerPane(Inspector& inspector, QWidget* parent = nullptr);

    [[nodiscard]] TraceModel* model() const { return model_; }

public slots:
    // Asks the Inspector for the translation of the block at `guestPc`.
    void showBlock(quint64 guestPc);
    // Like showBlock(), from a symbol or hex address; false if it is neither.
    bool showLocation(const QString& location);
    void setSyntax(int syntax);  // an X86Syntax

signals:
    // Forwarded to the Inspector.
    void blockRequested(quint64 guestPc);

private:
    void buildUi();
    void configureView(QTableView* view);
    void onSnapshot(const HartSnapshot& snapshot);
    void onBlockDescribed(const BlockDescription& block);
    void onProgramOpened();
    void showMessage(const QString& text);
    void applySpans();
    void onGuestSelectionChanged();
    void onHostSelectionChanged();
    // Selects `groups`' rows: in the guest view, and also in the host view
    // unless `guestOnly` (the host view keeps the user's own selection).
    void selectGroups(const std::vector<int>& groups, bool guestOnly);
    [[nodiscard]] std::vector<int> selectedGroups(const QTableView* view) const;
    [[nodiscard]] QItemSelection rowsOf(const std::vector<int>& groups) const;
    [[nodiscard]] bool isPending(const BlockDescription& block);

    Inspector& inspector_;
    TraceModel* model_;
    QLineEdit* blockEdit_;
    QComboBox* syntax_;
    QLabel* summary_;
    QStackedWidget* stack_;
    QLabel* message_;
    QTableView* guestView_;
    QTableView* hostView_;
    QSet<quint64> pending_;
    std::optional<std::pair<quint64, quint64>> followed_;  // (pc, retired) last followed
    Xlen xlen_ = Xlen::Rv64;
    bool linking_ = false;
};

}  // namespace glasshart
