#pragma once

#include <QMetaType>
#include <QString>

#include <cstdint>

namespace glasshart {

// What the worker's gdb server is doing, for the window.
struct GdbServerStatus {
    enum class State : std::uint8_t {
        Off,
        Listening,  // waiting for gdb
        Connected,  // gdb drives the hart: the window may pause it, not run it
        Failed,     // it could not start: see detail
    };
    State state = State::Off;
    QString address;  // where it listens ("127.0.0.1:1234"), while Listening or Connected
    QString detail;   // what happened last: who connected, why they left, why it could not start
};

}  // namespace glasshart

Q_DECLARE_METATYPE(glasshart::GdbServerStatus)
