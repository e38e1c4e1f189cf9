#pragma once

#include <string>
#include <string_view>

namespace glasshart {
class Machine;
}

namespace glasshart::gdb {

// Runs a gdb `monitor` command (carried by qRcmd) on the machine and returns
// the text gdb prints for it: "help", "cache" (translation cache
// statistics), "flush" (empties the translation cache).
[[nodiscard]] std::string runMonitorCommand(Machine& machine, std::string_view command);

}  // namespace glasshart::gdb
