#pragma once

#include <QDialog>

namespace glasshart {

// Help ▸ About Glasshart: what Glasshart is, its version, and the versions
// of Qt, asmjit and Capstone it runs on, selectable for bug reports.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The versions as plain text, one library a line (what "Copy" copies).
    [[nodiscard]] QString versionsText() const;
};

}  // namespace glasshart
