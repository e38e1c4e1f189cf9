#include "linux/AddressSpace.h"

namespace glasshart {

MachineConfig userModeConfig(Xlen xlen, Engine engine, std::uint64_t translationCacheSize) {
    MachineConfig config;
    config.xlen = xlen;
    config.engine = engine;
    config.platform = Platform::UserMode;
    config.ramBase = address_space::kBase;
    config.ramSize = address_space::kEnd - address_space::kBase;
    config.translationCacheSize = translationCacheSize;
    return config;
}

}  // namespace glasshart
