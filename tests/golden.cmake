# Run the CLI on INPUT and compare its output with EXPECTED, byte for byte.
execute_process(COMMAND "${CLI}" "${INPUT}" OUTPUT_VARIABLE got RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "wirestory ${INPUT} exited with ${rc}")
endif()
file(READ "${EXPECTED}" want)
if(NOT got STREQUAL want)
    message(FATAL_ERROR "output for ${INPUT} differs from ${EXPECTED}:\n${got}")
endif()
