# Compiles IoOps.java, runs an I/O case file on the real JDK (with the JVM flags of the file's "#!" line)
# and compares its output with the simulator's. Inputs: JAVA, JAVAC, SOURCE, CASES, RUNNER, WORK_DIR.
include(${CMAKE_CURRENT_LIST_DIR}/require_jdk17.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/jdk_diff_steps.cmake)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/classes" "${WORK_DIR}/files")
heapviz_javac("${WORK_DIR}/classes" -nowarn -XDsuppressNotes)

execute_process(COMMAND "${RUNNER}" --flags "${CASES}" OUTPUT_VARIABLE flags RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "reading the flags of ${CASES} failed (${rc})")
endif()
heapviz_java("${flags}" "${WORK_DIR}/classes" IoOps "${WORK_DIR}/jdk.txt" "${CASES}" "${WORK_DIR}/files")

heapviz_compare(ok "" "${CASES}" --expect "${WORK_DIR}/jdk.txt" --out "${WORK_DIR}/simulator.txt")
if(NOT ok)
  message(FATAL_ERROR "The simulator differs from the JDK. Full outputs: ${WORK_DIR}/jdk.txt and "
                      "${WORK_DIR}/simulator.txt")
endif()
