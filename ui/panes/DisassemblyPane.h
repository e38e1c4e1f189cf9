#pragma once

#include <QSet>
#include <QWidget>
#include <map>
#include <optional>

#include "BlockDescription.h"
#include "inspect/HartSnapshot.h"

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTableView;

namespace glasshart {

class DisassemblyModel;
class Inspector;

// Guest code around the pc, as objdump would print it, with a breakpoint
// gutter, "go to" and "run to cursor". It asks the Inspector for a window of
// memory around whatever it shows and decodes that window itself. Addresses
// are the hart's: virtual under paging (the window is read through the page
// tables with the hart's fetch rights), and an unmapped one is said to be.
class DisassemblyPane : public QWidget {
    Q_OBJECT

public:
    explicit DisassemblyPane(Inspector& inspector, QWidget* parent = nullptr);

    [[nodiscard]] bool followsPc() const;
    // The instruction under the cursor, if any.
    [[nodiscard]] std::optional<quint64> selectedAddress() const;

public slots:
    void setFollowPc(bool follow);
    // Shows and selects a symbol or hex address; false (with a message in
    // the pane) if `location` is neither.
    bool goTo(const QString& location);
    void runToSelection();
    void toggleBreakpointAtSelection();

signals:
    // Each of these is also forwarded to the Inspector.
    void breakpointToggleRequested(quint64 address);
    void runToRequested(quint64 address);
    // A window of code to read as the hart would fetch it.
    void memoryRequested(quint64 address, quint32 length);

private:
    struct Window {
        quint64 start = 0;
        quint32 length = 0;
    };
    // What to do once a requested window arrives.
    struct PendingWindow {
        Window window;
        std::optional<quint64> focus;
        bool select = false;
    };

    void buildUi();
    void createActions();
    void onSnapshot(const HartSnapshot& snapshot);
    void onMemoryRead(const glasshart::MemoryContents& contents);
    void showUnreadable(const PendingWindow& request, const MemoryContents& contents);
    void onProgramOpened();
    void onClicked(const QModelIndex& index);
    void updateActions();
    void applyLabelSpans();

    // Scrolls to `address`, first reading the memory around it if needed.
    void showAddress(quint64 address, bool select);
    void requestWindow(Window window, std::optional<quint64> focus, bool select);
    void focus(quint64 address, bool select, bool center);
    [[nodiscard]] Window windowFor(quint64 address) const;
    [[nodiscard]] bool windowCovers(quint64 address) const;
    [[nodiscard]] std::map<quint64, QString> labelsIn(quint64 start, quint64 end) const;
    [[nodiscard]] std::optional<quint64> topAddress() const;

    Inspector& inspector_;
    DisassemblyModel* model_;
    QTableView* view_;
    QLineEdit* goToEdit_;
    QLabel* message_;
    QCheckBox* followPc_;
    QAction* runToCursor_;
    QAction* toggleBreakpoint_;
    std::optional<PendingWindow> pending_;
    std::optional<quint64> pc_;
    Xlen xlen_ = Xlen::Rv64;
    bool wasRunning_ = false;
};

}  // namespace glasshart
