#include "panes/CsrPane.h"

#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

#include "Inspector.h"
#include "panes/CsrModel.h"

namespace glasshart {

CsrPane::CsrPane(Inspector& inspector, QWidget* parent)
    : QWidget(parent), model_(new CsrModel(this)), view_(new QTreeView(this)) {
    view_->setObjectName(QStringLiteral("csrTree"));
    view_->setModel(model_);
    view_->setUniformRowHeights(true);
    view_->setAllColumnsShowFocus(true);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The tree is small; sizing to contents keeps 16-digit values whole.
    for (int column = 0; column < CsrModel::MeaningColumn; ++column) {
        view_->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    view_->header()->setStretchLastSection(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);

    connect(model_, &CsrModel::modelAboutToBeReset, this, &CsrPane::rememberExpanded);
    connect(model_, &CsrModel::modelReset, this, &CsrPane::restoreExpanded);
    connect(&inspector, &Inspector::snapshotUpdated, model_, &CsrModel::setSnapshot);
    connect(&inspector, &Inspector::programOpened, model_, &CsrModel::clear);

    // Opened after a program was loaded: show what the inspector has.
    if (!inspector.programName().isEmpty()) model_->setSnapshot(inspector.snapshot());
}

void CsrPane::rememberExpanded() {
    expanded_.clear();
    for (int row = 0; row < model_->rowCount(); ++row) {
        const QModelIndex index = model_->index(row, CsrModel::NameColumn);
        if (view_->isExpanded(index)) expanded_.append(index.data().toString());
    }
}

void CsrPane::restoreExpanded() {
    for (const QString& name : std::as_const(expanded_)) view_->expand(model_->registerIndex(name));
}

}  // namespace glasshart
