#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gdb/Packet.h"
#include "machine/Machine.h"

namespace glasshart::gdb {

// One gdb client's conversation with a Machine, transport aside: bytes in
// from the client, bytes out through `Output`. It answers queries, reads and
// writes registers and memory, sets breakpoints and watchpoints, and steps
// the hart itself. Continuing is left to the owner of the machine, who runs
// it in slices while running() and hands each result to machineStopped();
// the session tells gdb about the stops that matter.
class GdbSession {
public:
    using Output = std::function<void(std::string_view bytes)>;

    enum class Ending : std::uint8_t {
        None,           // still talking
        Detached,       // gdb detached: the machine goes on without it
        Killed,         // gdb killed the program: the owner ends it
        GuestExited,    // the guest exited and gdb was told (see exitCode)
        ProtocolError,  // the client broke the protocol (see problem): drop it
    };

    // The machine is stopped (gdb's view) until gdb resumes it.
    GdbSession(Machine& machine, Output output);
    // Takes gdb's breakpoints and watchpoints out of the machine.
    ~GdbSession();
    GdbSession(const GdbSession&) = delete;
    GdbSession& operator=(const GdbSession&) = delete;

    void receive(std::span<const std::uint8_t> bytes);

    // gdb has resumed the hart and not yet been told of a stop.
    [[nodiscard]] bool running() const { return running_; }
    // A run() of the machine ended while running(). Breakpoints,
    // watchpoints, a lock-up and the guest's exit are reported to gdb;
    // the budget running out, an idle stretch or a wait in wfi are not
    // stops (the owner sleeps and goes on, as gdb expects of real hardware).
    void machineStopped(const RunResult& result);
    // Stops a running hart as gdb's Ctrl-C does (SIGINT): for the window's
    // Pause. Nothing happens when it is not running.
    void interrupt();

    [[nodiscard]] Ending ending() const { return ending_; }
    [[nodiscard]] bool ended() const { return ending_ != Ending::None; }
    [[nodiscard]] const std::string& problem() const { return problem_; }
    [[nodiscard]] int exitCode() const { return exitCode_; }
    // Whether the client's bytes so far end inside a packet.
    [[nodiscard]] bool insidePacket() const { return reader_.insidePacket(); }

private:
    struct GdbBreakpoint {
        bool hardware = false;  // Z1 rather than Z0
        bool added = false;     // the machine did not have it before gdb set it
    };

    void handleEvent(const PacketEvent& event);
    void handlePacket(const std::string& payload);
    // The reply to a packet; nullopt when there is none now (a continue, a kill).
    [[nodiscard]] std::optional<std::string> reply(std::string_view packet);
    [[nodiscard]] std::optional<std::string> query(std::string_view packet);
    [[nodiscard]] std::optional<std::string> verbose(std::string_view packet);
    [[nodiscard]] std::string readRegisters();
    [[nodiscard]] std::string writeRegisters(std::string_view hex);
    [[nodiscard]] std::string readOneRegister(std::string_view arguments);
    [[nodiscard]] std::string writeOneRegister(std::string_view arguments);
    [[nodiscard]] std::string readMemory(std::string_view arguments);
    [[nodiscard]] std::string writeMemory(std::string_view arguments, bool binary);
    [[nodiscard]] std::string readFeatures(std::string_view arguments);
    [[nodiscard]] std::string changePoint(std::string_view arguments, bool insert);
    [[nodiscard]] std::string changeBreakpoint(std::uint64_t address, bool hardware, bool insert);
    [[nodiscard]] std::string changeWatchpoint(const Watchpoint& watchpoint, bool insert);
    [[nodiscard]] std::optional<std::string> resume(char action, std::string_view address);
    [[nodiscard]] std::optional<std::string> resumeVCont(std::string_view actions);
    [[nodiscard]] std::string step();
    [[nodiscard]] std::string detach();
    [[nodiscard]] std::string stopReply(const RunResult& result);
    [[nodiscard]] std::string stopReply(int signal, std::string_view reason);
    void sendPacket(std::string_view payload);
    void removeDebugPoints();

    Machine& machine_;
    Output output_;
    PacketReader reader_;
    bool ackMode_ = true;
    std::string lastPacket_;  // framed, for a resend after '-'
    std::string lastStop_;    // the answer to '?'
    bool running_ = false;
    Ending ending_ = Ending::None;
    std::string problem_;
    int exitCode_ = 0;
    std::map<std::uint64_t, GdbBreakpoint> breakpoints_;
    std::vector<Watchpoint> watchpoints_;
    std::string description_;  // target.xml, made on first request
};

}  // namespace glasshart::gdb
