#pragma once

#include <QFont>
#include <optional>

#include "inspect/HartSnapshot.h"

namespace glasshart {

// The snapshot a pane shows and the one it compares it with to highlight
// what changed. The comparison point is the previous stop: after a step,
// the state before the step; while running and after a pause, the state
// when the run began. Stops are recognised from the snapshot's own run
// state, so it does not matter whether runStateChanged() arrives before or
// after the snapshot that goes with it.
class SnapshotHistory {
public:
    // Takes the newest snapshot. A snapshot with the sequence number of the
    // one already held replaces it without moving the comparison point, so
    // a repeated publish does not wipe the highlights.
    void add(const HartSnapshot& snapshot);
    // A new program: nothing before it is worth comparing with.
    void clear();

    [[nodiscard]] bool isEmpty() const { return !current_; }
    // Valid only when not empty.
    [[nodiscard]] const HartSnapshot& current() const { return *current_; }
    [[nodiscard]] const HartSnapshot& baseline() const { return baseline_; }

private:
    std::optional<HartSnapshot> current_;
    HartSnapshot baseline_;
    HartSnapshot lastStop_;  // the newest snapshot taken while not running
};

// How the panes mark a changed value: bold, on changedBackground() (see
// PaneColors.h).
[[nodiscard]] QFont changedFont(QFont font);

}  // namespace glasshart
