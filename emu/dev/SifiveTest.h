#pragma once
// The "sifive,test0" finisher of the virt machine: a guest ends the
// simulation, or asks for a system reset, by storing a command word at
// offset 0.
//
//   bits 15:0   status: 0x5555 pass, 0x3333 fail, 0x7777 reset
//   bits 31:16  exit code (used with fail)
//
// Behaviour matches QEMU 7.2's sifive_test:
// * Only the low 16 bits select the command, so a pass word with non-zero
//   upper bits is still a pass (its code is reported but means nothing).
// * A fail word with code 0 is reported as Fail with code 0; QEMU then exits
//   with status 0. What to do with it is the receiver's decision.
// * Any other value, or a store at any offset but 0, is ignored (QEMU only
//   logs it as a guest error).
// * Accesses are 2 or 4 bytes wide; 1- and 8-byte accesses are access
//   faults, as QEMU admits only 2..4. A 2-byte store carries the status with
//   code 0, so `sh` of 0x5555 passes on both. Reads return 0.
#include <cstdint>
#include <functional>
#include <string_view>

#include "mem/MmioDevice.h"

namespace glasshart {

struct FinisherRequest {
    enum class Kind { Pass, Fail, Reset } kind;
    std::uint16_t code;  // the exit code of a Fail; bits 31:16 of the word otherwise
};

class SifiveTest final : public MmioDevice {
public:
    static constexpr std::uint16_t kPass = 0x5555;
    static constexpr std::uint16_t kFail = 0x3333;
    static constexpr std::uint16_t kReset = 0x7777;

    // `request` is called from within the guest's store; it must not destroy
    // the device.
    explicit SifiveTest(std::function<void(FinisherRequest)> request);

    [[nodiscard]] std::string_view name() const override { return "test"; }
    bool read(std::uint64_t offset, unsigned size, std::uint64_t& value) override;
    bool write(std::uint64_t offset, unsigned size, std::uint64_t value) override;

private:
    std::function<void(FinisherRequest)> request_;
};

}  // namespace glasshart
