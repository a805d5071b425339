# Runs a command and requires an exit code and a regular expression in its stderr.
# Usage: cmake -DCOMMAND="exe;arg;..." -DEXIT=2 -DSTDERR_REGEX=... -P expect_exit.cmake
execute_process(COMMAND ${COMMAND} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc STREQUAL EXIT)
  message(FATAL_ERROR "exit code ${rc}, expected ${EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT err MATCHES "${STDERR_REGEX}")
  message(FATAL_ERROR "stderr does not match '${STDERR_REGEX}':\n${err}")
endif()
message(STATUS "exit ${rc}, stderr:\n${err}")
