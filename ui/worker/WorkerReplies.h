#pragma once

#include <QString>

#include <functional>

#include "BlockDescription.h"

namespace glasshart {

// The worker's answers to on-demand requests and to a kernel boot, called
// on the worker thread.
struct WorkerReplies {
    std::function<void(BlockDescription)> block;
    std::function<void(MemoryContents)> memory;
    std::function<void(BlockActivity)> activity;
    // How a kernel boot went: an empty string once the machine is ready,
    // else what is wrong (a BootError's message, for the user).
    std::function<void(QString problem)> booted;
};

}  // namespace glasshart
