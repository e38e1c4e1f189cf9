# glasshart_embed_binary(TARGET <target> INPUT <file> SYMBOL <name> DEPENDS <targets...>)
# turns <file> into a generated C++ source defining
#   extern const std::span<const std::uint8_t> <name>;
# (namespace glasshart::embedded) and adds it to <target>.

function(glasshart_embed_binary)
    cmake_parse_arguments(EMBED "" "TARGET;INPUT;SYMBOL" "DEPENDS" ${ARGN})
    set(output "${CMAKE_CURRENT_BINARY_DIR}/embedded_${EMBED_SYMBOL}.cpp")
    add_custom_command(
        OUTPUT "${output}"
        COMMAND "${CMAKE_COMMAND}" -DINPUT=${EMBED_INPUT} -DOUTPUT=${output} -DSYMBOL=${EMBED_SYMBOL}
                -P "${CMAKE_SOURCE_DIR}/cmake/EmbedBinaryScript.cmake"
        DEPENDS "${EMBED_INPUT}" "${CMAKE_SOURCE_DIR}/cmake/EmbedBinaryScript.cmake" ${EMBED_DEPENDS}
        COMMENT "Embedding ${EMBED_INPUT}"
        VERBATIM)
    target_sources(${EMBED_TARGET} PRIVATE "${output}")
endfunction()
