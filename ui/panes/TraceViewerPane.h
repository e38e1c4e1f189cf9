#pragma once

#include <QSet>
#include <QTimer>
#include <QWidget>
#include <optional>

#include "BlockDescription.h"
#include "inspect/HartSnapshot.h"

class QCheckBox;
class QComboBox;
class QItemSelection;
class QModelIndex;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace glasshart {

class BlockActivityModel;
class Inspector;
class TraceModel;

// One translated block side by side: the RISC-V instructions on the left,
// aligned with the x86-64 they became on the right, one group of rows per
// guest instruction. Selecting either side highlights the other. While the
// guest is stopped it shows the block at the pc; any block can be asked for.
// Below it, with block profiling on, the hottest and the most recently
// entered blocks: refreshed twice a second while the guest runs and at each
// stop; choosing one shows its translation.
class TraceViewerPane : public QWidget {
    Q_OBJECT

public:
    explicit TraceViewerPane(Inspector& inspector, QWidget* parent = nullptr);

    [[nodiscard]] TraceModel* model() const { return model_; }
    [[nodiscard]] BlockActivityModel* hottestModel() const { return hottest_; }
    [[nodiscard]] BlockActivityModel* recentModel() const { return recent_; }
    [[nodiscard]] bool isProfiling() const;

public slots:
    // Asks the Inspector for the translation of the block at `guestPc`.
    void showBlock(quint64 guestPc);
    // Like showBlock(), from a symbol or hex address; false if it is neither.
    bool showLocation(const QString& location);
    void setSyntax(int syntax);  // an X86Syntax
    // Turns block profiling on or off (remembered for the next session).
    void setProfiling(bool on);

signals:
    // Forwarded to the Inspector.
    void blockRequested(quint64 guestPc);
    // Forwarded to the Inspector's setProfiling().
    void profilingRequested(bool on);

private:
    void buildUi();
    [[nodiscard]] QWidget* buildActivityUi();
    [[nodiscard]] QTableView* makeActivityView(BlockActivityModel* model, const QString& name);
    void onActivityDescribed(const BlockActivity& activity);
    void onActivityChosen(const QModelIndex& index);
    void updateActivityRefresh();
    void showActivityMessage(const QString& text);
    void configureView(QTableView* view);
    void onSnapshot(const HartSnapshot& snapshot);
    void onBlockDescribed(const BlockDescription& block);
    [[nodiscard]] static QString registerHomesText(const BlockDescription& block);
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
    QCheckBox* profile_;
    BlockActivityModel* hottest_;
    BlockActivityModel* recent_;
    QStackedWidget* activityStack_;
    QLabel* activityMessage_;
    QTimer activityRefresh_;
    QSet<quint64> pending_;
    std::optional<std::pair<quint64, quint64>> followed_;  // (pc, retired) last followed
    Xlen xlen_ = Xlen::Rv64;
    bool linking_ = false;
};

}  // namespace glasshart
