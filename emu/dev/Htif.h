#pragma once
// Spike's host-target interface (HTIF) as riscv-tests and bare-metal
// programs built for Spike use it: two 64-bit words in guest RAM, found
// through the ELF symbols `tohost` and `fromhost`. The guest stores a
// command into tohost; the host takes it (writing tohost back to 0), carries
// it out and may answer in fromhost. A command word is
//
//   bits 63:56 device, bits 55:48 command, bits 47:0 payload
//
// and an answer keeps the command's device and command bytes with a 48-bit
// result as payload (riscv-isa-sim fesvr, device.h "command_t::respond").
//
// Commands understood:
// * device 0 (syscall proxy), command 0, payload bit 0 set: exit with code
//   payload >> 1. No answer.
// * device 0, command 0, payload bit 0 clear: payload is the address of a
//   "magic_mem" block of eight 64-bit words {syscall number, arguments...}
//   (riscv-tests benchmarks/common/syscalls.c, pk's frontend syscalls).
//   SYS_write (64) to fd 1 or 2 sends the bytes to the console and returns
//   the count; SYS_exit (93) exits with code a0. The result goes to word 0
//   and the answer is 1. Anything else returns -ENOSYS (-38) where Spike
//   would abort; a buffer or block outside RAM returns -EFAULT (-14) where
//   Spike would stop with a bad-address error; a fd other than 1 or 2
//   returns -EBADF (-9).
// * device 1 (console), command 1: putchar of the payload's low byte,
//   answered with 0x100 | byte.
// * device 1, command 0 (getchar) is taken and never answered: Glasshart's
//   HTIF has no input (console input goes through the UART), which is what
//   Spike does while no key arrives.
// * Other devices and commands are taken (tohost cleared) and ignored, as
//   Spike's null device does.
//
// Exit codes: the guest's value is an integer of up to 64 bits; it is
// clamped into int's range (never truncated), so a non-zero code can never
// turn into a successful 0.
//
// Answers: fromhost is written directly when it reads 0; otherwise the
// answer waits (as in Spike's fromhost queue) until the guest stores to
// fromhost and leaves 0 there. At most kMaxPendingAnswers wait; later ones
// are dropped: a guest that never reads fromhost must not grow host memory.
// Without a fromhost symbol answers are dropped.
//
// RV32 guests store tohost as two 4-byte halves, low half first (riscv-tests'
// write_tohost, GCC's code for a 64-bit volatile store). A store acts only
// when it writes (part of) the high half, so the command is decoded once the
// whole value is in place: an 8-byte store acts at once, a 4-byte store to
// the low half waits for the high half. Guests that store only the low half
// (very old riscv-tests) are not supported.
//
// Host-side accesses to tohost, fromhost and the syscall block go straight
// to RAM: they are data, never code, so no translation needs dropping, and
// they do not come back through the bus's write observer.
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>

#include "mem/Bus.h"

namespace glasshart {

class Htif {
public:
    static constexpr std::size_t kMaxPendingAnswers = 1024;
    static constexpr std::uint64_t kSysWrite = 64;
    static constexpr std::uint64_t kSysExit = 93;

    // tohost (and fromhost, if given) must lie wholly in the bus's RAM;
    // otherwise std::invalid_argument.
    Htif(Bus& bus, std::uint64_t tohost, std::optional<std::uint64_t> fromhost,
         std::function<void(std::uint8_t)> console, std::function<void(int exitCode)> exit);

    // Marks the pages of tohost and fromhost watched (Ram::kHostInterface)
    // and forgets answers still waiting; call again after a machine reset.
    void start();

    // Called by the machine after every store into a watched page. Returns
    // whether the store touched tohost or fromhost (then it was HTIF's).
    bool onWrite(std::uint64_t address, unsigned size);

    [[nodiscard]] std::uint64_t tohostAddress() const { return tohost_; }
    [[nodiscard]] std::optional<std::uint64_t> fromhostAddress() const { return fromhost_; }

private:
    [[nodiscard]] std::uint64_t load64(std::uint64_t address) const;
    void store64(std::uint64_t address, std::uint64_t value);
    void execute(std::uint64_t command);
    [[nodiscard]] std::int64_t syscall(std::uint64_t block);
    void answer(std::uint64_t command, std::uint64_t result);
    void deliverAnswer();

    Bus& bus_;
    std::uint64_t tohost_;
    std::optional<std::uint64_t> fromhost_;
    std::function<void(std::uint8_t)> console_;
    std::function<void(int)> exit_;
    std::deque<std::uint64_t> pendingAnswers_;
};

}  // namespace glasshart
