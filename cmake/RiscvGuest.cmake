# Building bare-metal RISC-V guest programs with Debian's riscv64-unknown-elf
# cross compiler, for QEMU's virt memory map (RAM at 0x8000_0000).
#
#   glasshart_add_guest(NAME <name> XLEN <32|64> SOURCES <files...>
#                       [OPTIONS <extra compiler flags...>] [NO_RUNTIME] [FLOAT])
#
# builds ${GLASSHART_GUEST_DIR}/<name>-rv<xlen>.elf behind the target
# guest-<name>-rv<xlen>, linked with the guest runtime of
# resources/guests/runtime (start-up, trap vector, UART and finisher I/O)
# unless NO_RUNTIME is given (then the sources bring their own _start and
# the runtime's linker script is still used). FLOAT adds the F and D
# extensions to the ISA the compiler may use (and that objdump decodes the
# ELF with), keeping the integer calling convention (ilp32/lp64) so the
# program links with the same runtime and libgcc as every other guest.

find_program(RISCV_GUEST_CC riscv64-unknown-elf-gcc REQUIRED)
set(GLASSHART_GUEST_DIR "${CMAKE_BINARY_DIR}/guests")
set(GLASSHART_GUEST_RUNTIME_DIR "${CMAKE_SOURCE_DIR}/resources/guests/runtime")
file(MAKE_DIRECTORY "${GLASSHART_GUEST_DIR}")

function(glasshart_add_guest)
    cmake_parse_arguments(GUEST "NO_RUNTIME;FLOAT" "NAME;XLEN" "SOURCES;OPTIONS" ${ARGN})
    set(extensions imac)
    if(GUEST_FLOAT)
        set(extensions imafdc)
    endif()
    if(GUEST_XLEN STREQUAL "64")
        set(arch -march=rv64${extensions}_zicsr_zifencei -mabi=lp64 -mcmodel=medany)
    elseif(GUEST_XLEN STREQUAL "32")
        set(arch -march=rv32${extensions}_zicsr_zifencei -mabi=ilp32)
    else()
        message(FATAL_ERROR "glasshart_add_guest(${GUEST_NAME}): XLEN must be 32 or 64")
    endif()

    set(runtime_sources "")
    if(NOT GUEST_NO_RUNTIME)
        file(GLOB runtime_sources CONFIGURE_DEPENDS
            "${GLASSHART_GUEST_RUNTIME_DIR}/*.c" "${GLASSHART_GUEST_RUNTIME_DIR}/*.S")
    endif()
    set(linker_script "${GLASSHART_GUEST_RUNTIME_DIR}/virt.ld")

    set(sources "")
    foreach(source IN LISTS GUEST_SOURCES)
        get_filename_component(absolute "${source}" ABSOLUTE)
        list(APPEND sources "${absolute}")
    endforeach()

    set(output "${GLASSHART_GUEST_DIR}/${GUEST_NAME}-rv${GUEST_XLEN}.elf")
    file(GLOB runtime_headers CONFIGURE_DEPENDS "${GLASSHART_GUEST_RUNTIME_DIR}/*.h")
    add_custom_command(
        OUTPUT "${output}"
        COMMAND "${RISCV_GUEST_CC}" ${arch} -O2 -g -ffreestanding -nostdlib -nostartfiles
                -fno-builtin -Wall -Wextra -Werror
                -I "${GLASSHART_GUEST_RUNTIME_DIR}" ${GUEST_OPTIONS}
                -Wl,--no-warn-rwx-segments -T "${linker_script}" -o "${output}" ${runtime_sources} ${sources} -lgcc
        DEPENDS ${sources} ${runtime_sources} ${runtime_headers} "${linker_script}"
        COMMENT "Building guest ${GUEST_NAME}-rv${GUEST_XLEN}.elf"
        VERBATIM)
    add_custom_target(guest-${GUEST_NAME}-rv${GUEST_XLEN} ALL DEPENDS "${output}")
endfunction()

# Linux user programs: static riscv64 ELF executables built with Debian's
# riscv64-linux-gnu cross compilers (glibc, libstdc++), which glasshart-cli
# runs in user mode and qemu-riscv64 runs as the oracle.
#
#   glasshart_add_linux_guest(NAME <name> SOURCES <files...> [OPTIONS <flags...>]
#                             [LIBRARIES <libs...>] [DYNAMIC])
#
# builds ${GLASSHART_GUEST_DIR}/<name>-linux-rv64 behind the target
# linux-guest-<name>, linked -static unless DYNAMIC is given (a dynamically
# linked program is what user mode must refuse clearly); C++ sources (.cpp)
# are compiled and linked with g++. LIBRARIES are linked after the sources
# (m for libm).

find_program(RISCV_LINUX_CC riscv64-linux-gnu-gcc REQUIRED)
find_program(RISCV_LINUX_CXX riscv64-linux-gnu-g++ REQUIRED)

function(glasshart_add_linux_guest)
    cmake_parse_arguments(GUEST "DYNAMIC" "NAME" "SOURCES;OPTIONS;LIBRARIES" ${ARGN})
    set(compiler "${RISCV_LINUX_CC}")
    set(linking -static)
    if(GUEST_DYNAMIC)
        set(linking "")
    endif()
    list(TRANSFORM GUEST_LIBRARIES PREPEND "-l")
    set(sources "")
    foreach(source IN LISTS GUEST_SOURCES)
        get_filename_component(absolute "${source}" ABSOLUTE)
        list(APPEND sources "${absolute}")
        if(source MATCHES "\\.cpp$")
            set(compiler "${RISCV_LINUX_CXX}")
        endif()
    endforeach()
    set(output "${GLASSHART_GUEST_DIR}/${GUEST_NAME}-linux-rv64")
    add_custom_command(
        OUTPUT "${output}"
        COMMAND "${compiler}" ${linking} -O2 -g -Wall -Wextra -Werror ${GUEST_OPTIONS} -o "${output}" ${sources}
                ${GUEST_LIBRARIES}
        DEPENDS ${sources}
        COMMENT "Building Linux guest ${GUEST_NAME}-linux-rv64"
        VERBATIM)
    add_custom_target(linux-guest-${GUEST_NAME} ALL DEPENDS "${output}")
endfunction()
