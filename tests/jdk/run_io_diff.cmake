# Compiles IoOps.java, runs an I/O case file on the real JDK (with the JVM flags of the file's "#!" line)
# and compares its output with the simulator's. Inputs: JAVA, JAVAC, SOURCE, CASES, RUNNER, WORK_DIR.
include(${CMAKE_CURRENT_LIST_DIR}/require_jdk17.cmake)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/classes" "${WORK_DIR}/files")
execute_process(COMMAND "${JAVAC}" -nowarn -XDsuppressNotes -d "${WORK_DIR}/classes" "${SOURCE}"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "javac failed (${rc}):\n${err}")
endif()

execute_process(COMMAND "${RUNNER}" --flags "${CASES}" OUTPUT_VARIABLE flags RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "reading the flags of ${CASES} failed (${rc})")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND "${JAVA}" ${flags} -cp "${WORK_DIR}/classes" IoOps "${CASES}" "${WORK_DIR}/files"
                OUTPUT_FILE "${WORK_DIR}/jdk.txt" RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "java IoOps failed (${rc}):\n${err}")
endif()

execute_process(COMMAND "${RUNNER}" "${CASES}" --expect "${WORK_DIR}/jdk.txt" --out "${WORK_DIR}/simulator.txt"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "The simulator differs from the JDK. Full outputs: ${WORK_DIR}/jdk.txt and "
                      "${WORK_DIR}/simulator.txt")
endif()
