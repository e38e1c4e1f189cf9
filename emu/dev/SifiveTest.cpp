#include "dev/SifiveTest.h"

#include <utility>

namespace glasshart {

namespace {

bool validSize(unsigned size) { return size == 2 || size == 4; }

}  // namespace

SifiveTest::SifiveTest(std::function<void(FinisherRequest)> request) : request_(std::move(request)) {}

bool SifiveTest::read([[maybe_unused]] std::uint64_t offset, unsigned size, std::uint64_t& value) {
    if (!validSize(size)) return false;
    value = 0;
    return true;
}

bool SifiveTest::write(std::uint64_t offset, unsigned size, std::uint64_t value) {
    if (!validSize(size)) return false;
    if (offset != 0) return true;
    const auto status = static_cast<std::uint16_t>(value & 0xffff);
    const auto code = static_cast<std::uint16_t>((value >> 16) & 0xffff);
    FinisherRequest request{FinisherRequest::Kind::Pass, code};
    switch (status) {
    case kPass:
        request.kind = FinisherRequest::Kind::Pass;
        break;
    case kFail:
        request.kind = FinisherRequest::Kind::Fail;
        break;
    case kReset:
        request.kind = FinisherRequest::Kind::Reset;
        break;
    default:
        return true;  // not a command: ignored
    }
    if (request_) request_(request);
    return true;
}

}  // namespace glasshart
