#include "panes/SnapshotHistory.h"

namespace glasshart {

void SnapshotHistory::add(const HartSnapshot& snapshot) {
    // A different XLEN means a different machine: its values are not
    // comparable with the old ones.
    if (!current_ || current_->xlen != snapshot.xlen) {
        current_ = snapshot;
        baseline_ = snapshot;
        lastStop_ = snapshot;
        return;
    }
    if (snapshot.sequence != current_->sequence) {
        baseline_ = lastStop_;
        if (snapshot.runState != RunState::Running) lastStop_ = snapshot;
    }
    current_ = snapshot;
}

void SnapshotHistory::clear() { current_.reset(); }

QFont changedFont(QFont font) {
    font.setBold(true);
    return font;
}

}  // namespace glasshart
