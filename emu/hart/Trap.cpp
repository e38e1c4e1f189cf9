#include "hart/Trap.h"

namespace glasshart {

std::string_view exceptionName(Exception cause) {
    switch (cause) {
    case Exception::InstructionAddressMisaligned: return "instruction address misaligned";
    case Exception::InstructionAccessFault: return "instruction access fault";
    case Exception::IllegalInstruction: return "illegal instruction";
    case Exception::Breakpoint: return "breakpoint";
    case Exception::LoadAddressMisaligned: return "load address misaligned";
    case Exception::LoadAccessFault: return "load access fault";
    case Exception::StoreAddressMisaligned: return "store/AMO address misaligned";
    case Exception::StoreAccessFault: return "store/AMO access fault";
    case Exception::EcallFromU: return "environment call from U-mode";
    case Exception::EcallFromS: return "environment call from S-mode";
    case Exception::EcallFromM: return "environment call from M-mode";
    case Exception::InstructionPageFault: return "instruction page fault";
    case Exception::LoadPageFault: return "load page fault";
    case Exception::StorePageFault: return "store/AMO page fault";
    }
    return "reserved exception";
}

std::string_view interruptName(Interrupt cause) {
    switch (cause) {
    case Interrupt::SupervisorSoftware: return "supervisor software interrupt";
    case Interrupt::MachineSoftware: return "machine software interrupt";
    case Interrupt::SupervisorTimer: return "supervisor timer interrupt";
    case Interrupt::MachineTimer: return "machine timer interrupt";
    case Interrupt::SupervisorExternal: return "supervisor external interrupt";
    case Interrupt::MachineExternal: return "machine external interrupt";
    }
    return "reserved interrupt";
}

}  // namespace glasshart
