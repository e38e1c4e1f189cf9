#pragma once

#include <QStringList>
#include <QWidget>

#include "inspect/HartSnapshot.h"

class QTreeView;

namespace glasshart {

class CsrModel;
class Inspector;

// The privilege mode and the machine CSRs as a tree: each register's value
// and meaning, expandable into its bit fields; changes since the previous
// stop highlighted. Read-only.
class CsrPane : public QWidget {
    Q_OBJECT

public:
    explicit CsrPane(Inspector& inspector, QWidget* parent = nullptr);

private:
    void rememberExpanded();
    void restoreExpanded();

    CsrModel* model_;
    QTreeView* view_;
    // Registers opened by the user, by name, kept across a model reset
    // (which a program of the other XLEN causes).
    QStringList expanded_;
};

}  // namespace glasshart
