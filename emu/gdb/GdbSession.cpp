#include "gdb/GdbSession.h"

#include <algorithm>
#include <optional>

#include "gdb/GuestMemory.h"
#include "gdb/Hex.h"
#include "gdb/MonitorCommands.h"
#include "gdb/Registers.h"
#include "gdb/TargetDescription.h"

namespace glasshart::gdb {
namespace {

// Signal numbers in stop replies are gdb's own (include/gdb/signals.def),
// which agree with Linux for these.
constexpr int kSigInt = 2;
constexpr int kSigTrap = 5;
constexpr int kSigSegv = 11;

// Error replies carry an errno-style number; gdb only reports that there
// was an error.
constexpr std::string_view kBadRequest = "E01";  // a malformed or unsupported request
constexpr std::string_view kNoAccess = "E0e";    // EFAULT: memory or a register that cannot be reached
constexpr std::string_view kOk = "OK";

// The one thread: the hart (gdb numbers threads from 1).
constexpr std::string_view kThread = "1";

struct Range {
    std::uint64_t address;
    std::uint64_t length;
    std::string_view rest;  // after ':' (M, X), empty without one
};

// "ADDR,LENGTH" or "ADDR,LENGTH:DATA".
std::optional<Range> parseRange(std::string_view text, bool withData) {
    const auto comma = text.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    const auto colon = text.find(':', comma);
    if (withData != (colon != std::string_view::npos)) return std::nullopt;
    const auto address = parseNumber(text.substr(0, comma));
    const auto length = parseNumber(text.substr(comma + 1, withData ? colon - comma - 1 : std::string_view::npos));
    if (!address || !length) return std::nullopt;
    return Range{*address, *length, withData ? text.substr(colon + 1) : std::string_view{}};
}

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// What follows `prefix` in `text`, if `text` starts with it.
std::optional<std::string_view> after(std::string_view text, std::string_view prefix) {
    if (!startsWith(text, prefix)) return std::nullopt;
    return text.substr(prefix.size());
}

std::string_view watchName(WatchKind kind) {
    switch (kind) {
    case WatchKind::Write: return "watch";
    case WatchKind::Read: return "rwatch";
    case WatchKind::Access: return "awatch";
    }
    return "watch";
}

// The bytes gdb's X packet carries are binary already (the framing's escapes
// are undone by the reader).
std::span<const std::uint8_t> asBytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

}  // namespace

GdbSession::GdbSession(Machine& machine, Output output)
    : machine_(machine), output_(std::move(output)), lastStop_(stopReply(kSigTrap, {})) {}

GdbSession::~GdbSession() { removeDebugPoints(); }

void GdbSession::removeDebugPoints() {
    for (const auto& [address, breakpoint] : breakpoints_) {
        if (breakpoint.added) machine_.removeBreakpoint(address);
    }
    breakpoints_.clear();
    for (const Watchpoint& watchpoint : watchpoints_) machine_.removeWatchpoint(watchpoint);
    watchpoints_.clear();
}

void GdbSession::receive(std::span<const std::uint8_t> bytes) {
    for (const PacketEvent& event : reader_.feed(bytes)) {
        if (ended()) return;
        handleEvent(event);
    }
}

void GdbSession::handleEvent(const PacketEvent& event) {
    using Kind = PacketEvent::Kind;
    switch (event.kind) {
    case Kind::Packet:
        if (ackMode_) output_("+");
        handlePacket(event.payload);
        break;
    case Kind::Ack: lastPacket_.clear(); break;
    case Kind::Nak:
        if (ackMode_ && !lastPacket_.empty()) output_(lastPacket_);
        break;
    case Kind::Interrupt: interrupt(); break;
    case Kind::BadChecksum:
        // Without acknowledgements the client will not resend: the packet
        // is simply lost, as the protocol then allows.
        if (ackMode_) output_("-");
        break;
    case Kind::Malformed:
        if (ackMode_) output_("+");
        sendPacket(kBadRequest);
        break;
    case Kind::TooLong:
        ending_ = Ending::ProtocolError;
        problem_ = "the client sent a packet longer than " + std::to_string(kMaxPayload) + " bytes";
        break;
    }
}

void GdbSession::handlePacket(const std::string& payload) {
    if (const auto answer = reply(payload)) sendPacket(*answer);
}

void GdbSession::sendPacket(std::string_view payload) {
    std::string framed = framePacket(payload);
    output_(framed);
    if (ackMode_) lastPacket_ = std::move(framed);
}

std::optional<std::string> GdbSession::reply(std::string_view packet) {
    if (packet.empty()) return std::string{};
    const std::string_view arguments = packet.substr(1);
    switch (packet.front()) {
    case '?': return lastStop_;
    case 'q': case 'Q': return query(packet);
    case 'v': return verbose(packet);
    case 'g': return readRegisters();
    case 'G': return writeRegisters(arguments);
    case 'p': return readOneRegister(arguments);
    case 'P': return writeOneRegister(arguments);
    case 'm': return readMemory(arguments);
    case 'M': return writeMemory(arguments, false);
    case 'X': return writeMemory(arguments, true);
    case 'Z': return changePoint(arguments, true);
    case 'z': return changePoint(arguments, false);
    case 'c': case 's': return resume(packet.front(), arguments);
    case 'C': case 'S': {
        // Continue/step "with signal": there are no signals to deliver to a
        // bare hart, so the signal is dropped (as QEMU does).
        const auto semicolon = arguments.find(';');
        return resume(static_cast<char>(packet.front() - 'A' + 'a'),
                      semicolon == std::string_view::npos ? std::string_view{} : arguments.substr(semicolon + 1));
    }
    case 'H': return std::string(kOk);
    case 'T': return arguments == kThread || arguments == "-1" ? std::string(kOk) : std::string(kBadRequest);
    case 'D': return detach();
    case 'k':
        ending_ = Ending::Killed;
        return std::nullopt;
    default: return std::string{};  // not supported: an empty reply says so
    }
}

std::optional<std::string> GdbSession::query(std::string_view packet) {
    if (startsWith(packet, "qSupported")) {
        return "PacketSize=" + formatNumber(kMaxPayload) +
               ";qXfer:features:read+;swbreak+;hwbreak+;QStartNoAckMode+;vContSupported+";
    }
    if (packet == "QStartNoAckMode") {
        // The '+' for this packet has gone out already; from here on nothing is acknowledged.
        sendPacket(kOk);
        ackMode_ = false;
        lastPacket_.clear();
        return std::nullopt;
    }
    if (const auto annex = after(packet, "qXfer:features:read:")) return readFeatures(*annex);
    if (packet == "qAttached") return "1";  // an existing machine: on quit gdb detaches rather than kills
    if (packet == "qC") return "QC" + std::string(kThread);
    if (packet == "qfThreadInfo") return "m" + std::string(kThread);
    if (packet == "qsThreadInfo") return "l";
    if (startsWith(packet, "qSymbol")) return std::string(kOk);
    if (const auto hex = after(packet, "qRcmd,")) {
        const auto command = fromHex(*hex);
        if (!command) return std::string(kBadRequest);
        const std::string text(command->begin(), command->end());
        return toHex(runMonitorCommand(machine_, text));
    }
    return std::string{};
}

std::optional<std::string> GdbSession::verbose(std::string_view packet) {
    if (packet == "vCont?") return "vCont;c;C;s;S";
    if (const auto actions = after(packet, "vCont;")) return resumeVCont(*actions);
    if (startsWith(packet, "vKill")) {
        sendPacket(kOk);
        ending_ = Ending::Killed;
        return std::nullopt;
    }
    return std::string{};  // vMustReplyEmpty and everything not offered
}

std::string GdbSession::readRegisters() {
    std::string hex;
    for (unsigned regnum = 0; regnum < kGPacketRegisters; ++regnum) hex += *readRegister(machine_, regnum);
    return hex;
}

std::string GdbSession::writeRegisters(std::string_view hex) {
    const std::size_t width = registerBits(0, machine_.config().xlen) / 4;  // hex digits per register
    if (hex.size() != width * kGPacketRegisters) return std::string(kBadRequest);
    for (unsigned regnum = 0; regnum < kGPacketRegisters; ++regnum) {
        if (!writeRegister(machine_, regnum, hex.substr(regnum * width, width))) return std::string(kBadRequest);
    }
    return std::string(kOk);
}

std::string GdbSession::readOneRegister(std::string_view arguments) {
    const auto regnum = parseNumber(arguments);
    if (!regnum || *regnum > kPrivRegister) return std::string(kBadRequest);
    const auto value = readRegister(machine_, static_cast<unsigned>(*regnum));
    return value ? *value : std::string(kNoAccess);
}

std::string GdbSession::writeOneRegister(std::string_view arguments) {
    const auto equals = arguments.find('=');
    if (equals == std::string_view::npos) return std::string(kBadRequest);
    const auto regnum = parseNumber(arguments.substr(0, equals));
    if (!regnum || *regnum > kPrivRegister) return std::string(kBadRequest);
    return writeRegister(machine_, static_cast<unsigned>(*regnum), arguments.substr(equals + 1)) ? std::string(kOk)
                                                                                                 : std::string(kNoAccess);
}

std::string GdbSession::readMemory(std::string_view arguments) {
    const auto range = parseRange(arguments, false);
    if (!range || range->length == 0) return std::string(kBadRequest);
    // Two hex digits a byte must fit one packet.
    const std::uint64_t length = std::min<std::uint64_t>(range->length, kMaxPayload / 2);
    const auto bytes = readGuestMemory(machine_, range->address, length);
    return bytes.empty() ? std::string(kNoAccess) : toHex(bytes);
}

std::string GdbSession::writeMemory(std::string_view arguments, bool binary) {
    const auto range = parseRange(arguments, true);
    if (!range) return std::string(kBadRequest);
    std::vector<std::uint8_t> decoded;
    std::span<const std::uint8_t> bytes;
    if (binary) {
        bytes = asBytes(range->rest);
    } else {
        auto fromText = fromHex(range->rest);
        if (!fromText) return std::string(kBadRequest);
        decoded = std::move(*fromText);
        bytes = decoded;
    }
    if (bytes.size() != range->length) return std::string(kBadRequest);
    // A zero-length X is how gdb asks whether X is supported.
    if (bytes.empty()) return std::string(kOk);
    return writeGuestMemory(machine_, range->address, bytes) ? std::string(kOk) : std::string(kNoAccess);
}

std::string GdbSession::readFeatures(std::string_view arguments) {
    // "target.xml:OFFSET,LENGTH": everything is in the one document.
    const auto colon = arguments.find(':');
    if (colon == std::string_view::npos || arguments.substr(0, colon) != "target.xml") return std::string(kBadRequest);
    const auto range = parseRange(arguments.substr(colon + 1), false);
    if (!range) return std::string(kBadRequest);
    if (description_.empty()) {
        description_ = targetDescription(machine_.config().xlen, describedCsrs(machine_.hart()));
    }
    if (range->address >= description_.size()) return "l";
    const std::uint64_t length = std::min<std::uint64_t>(range->length, kMaxPayload / 2);
    const std::string_view part = std::string_view(description_).substr(range->address, length);
    const bool last = range->address + part.size() >= description_.size();
    return (last ? "l" : "m") + std::string(part);
}

std::string GdbSession::changePoint(std::string_view arguments, bool insert) {
    // "TYPE,ADDR,KIND": 0 software and 1 hardware breakpoint (KIND is the
    // instruction's length), 2 write, 3 read and 4 access watchpoint (KIND
    // is the length watched). Conditions and commands after ';' are not offered.
    if (arguments.size() < 2 || arguments[1] != ',') return std::string(kBadRequest);
    const char type = arguments[0];
    const auto range = parseRange(arguments.substr(2), false);
    if (!range) return std::string(kBadRequest);
    switch (type) {
    case '0': case '1': return changeBreakpoint(machine_.hart().truncate(range->address), type == '1', insert);
    case '2': case '3': case '4': {
        if (range->length == 0) return std::string(kBadRequest);
        const WatchKind kind = type == '2' ? WatchKind::Write : type == '3' ? WatchKind::Read : WatchKind::Access;
        return changeWatchpoint(Watchpoint{machine_.hart().truncate(range->address), range->length, kind}, insert);
    }
    default: return std::string{};
    }
}

std::string GdbSession::changeBreakpoint(std::uint64_t address, bool hardware, bool insert) {
    const auto known = breakpoints_.find(address);
    if (insert) {
        if (known != breakpoints_.end()) return std::string(kOk);  // gdb may insert one again
        // The window may have its own breakpoint here: gdb's removal must
        // not take that away.
        const bool added = !machine_.breakpoints().contains(address);
        if (added) machine_.addBreakpoint(address);
        breakpoints_.emplace(address, GdbBreakpoint{hardware, added});
        return std::string(kOk);
    }
    if (known != breakpoints_.end()) {
        if (known->second.added) machine_.removeBreakpoint(address);
        breakpoints_.erase(known);
    }
    return std::string(kOk);
}

std::string GdbSession::changeWatchpoint(const Watchpoint& watchpoint, bool insert) {
    if (insert) {
        machine_.addWatchpoint(watchpoint);
        watchpoints_.push_back(watchpoint);
        return std::string(kOk);
    }
    const auto known = std::find(watchpoints_.begin(), watchpoints_.end(), watchpoint);
    if (known != watchpoints_.end()) {
        machine_.removeWatchpoint(watchpoint);
        watchpoints_.erase(known);
    }
    return std::string(kOk);
}

std::optional<std::string> GdbSession::resume(char action, std::string_view address) {
    if (!address.empty()) {
        const auto pc = parseNumber(address);
        if (!pc) return std::string(kBadRequest);
        machine_.state().pc = machine_.hart().truncate(*pc & ~std::uint64_t{1});
    }
    // A hart that jumped to nothing stays stuck only while it still would:
    // gdb may have moved the pc or mapped the page.
    machine_.interpreter().clearLockup();
    if (action == 's') return step();
    running_ = true;
    return std::nullopt;
}

std::optional<std::string> GdbSession::resumeVCont(std::string_view actions) {
    // "ACTION[:THREAD];ACTION[:THREAD]...": the first action that applies to
    // the one thread (named, or all threads) is the one to take.
    while (!actions.empty()) {
        const auto end = actions.find(';');
        const std::string_view item = actions.substr(0, end);
        actions = end == std::string_view::npos ? std::string_view{} : actions.substr(end + 1);
        const auto colon = item.find(':');
        const std::string_view thread = colon == std::string_view::npos ? "-1" : item.substr(colon + 1);
        if (thread != kThread && thread != "-1" && thread != "0") continue;
        if (item.empty()) break;
        switch (item.front()) {
        case 'c': case 'C': return resume('c', {});
        case 's': case 'S': return resume('s', {});
        default: return std::string(kBadRequest);
        }
    }
    return std::string(kBadRequest);
}

std::string GdbSession::step() {
    RunResult result = machine_.step();
    // A hart asleep in wfi first sleeps until the interrupt that wakes it;
    // the step is the instruction after that.
    if (result.reason == StopReason::Idle) result = machine_.step();
    if (result.reason == StopReason::BudgetExhausted || result.reason == StopReason::Idle ||
        result.reason == StopReason::Waiting) {
        lastStop_ = stopReply(kSigTrap, {});
        return lastStop_;
    }
    return stopReply(result);
}

std::string GdbSession::detach() {
    removeDebugPoints();
    running_ = false;
    ending_ = Ending::Detached;
    return std::string(kOk);
}

void GdbSession::machineStopped(const RunResult& result) {
    if (!running_ || ended()) return;
    switch (result.reason) {
    case StopReason::BudgetExhausted: case StopReason::Idle: case StopReason::Waiting: return;
    case StopReason::Breakpoint: case StopReason::Watchpoint: case StopReason::GuestExit: case StopReason::LockedUp:
        break;
    }
    running_ = false;
    sendPacket(stopReply(result));
}

void GdbSession::interrupt() {
    if (!running_ || ended()) return;
    running_ = false;
    lastStop_ = stopReply(kSigInt, {});
    sendPacket(lastStop_);
}

std::string GdbSession::stopReply(const RunResult& result) {
    std::string reason;
    int signal = kSigTrap;
    switch (result.reason) {
    case StopReason::GuestExit:
        // gdb's W carries one byte, like a process's exit status.
        ending_ = Ending::GuestExited;
        exitCode_ = result.exitCode;
        return "W" + registerToHex(static_cast<std::uint64_t>(result.exitCode >= 0 && result.exitCode <= 255
                                                                  ? result.exitCode
                                                                  : 255),
                                   1);
    case StopReason::LockedUp: signal = kSigSegv; break;
    case StopReason::Breakpoint: {
        const auto known = breakpoints_.find(machine_.state().pc);
        // A breakpoint gdb did not set (the window's) is a plain SIGTRAP to it.
        if (known != breakpoints_.end()) reason = known->second.hardware ? "hwbreak:;" : "swbreak:;";
        break;
    }
    case StopReason::Watchpoint:
        reason = std::string(watchName(result.watch.kind)) + ":" + formatNumber(result.watch.address) + ";";
        break;
    case StopReason::BudgetExhausted: case StopReason::Idle: case StopReason::Waiting: break;
    }
    lastStop_ = stopReply(signal, reason);
    return lastStop_;
}

std::string GdbSession::stopReply(int signal, std::string_view reason) {
    // The pc travels with the stop, saving gdb a request.
    return "T" + registerToHex(static_cast<std::uint64_t>(signal), 1) + std::string(reason) +
           registerToHex(kPcRegister, 1) + ":" + *readRegister(machine_, kPcRegister) + ";thread:" +
           std::string(kThread) + ";";
}

}  // namespace glasshart::gdb
