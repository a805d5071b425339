# Compiles BufferOps.java, runs it on the real JDK and compares its output with the simulator's.
# Inputs: JAVA, JAVAC, SOURCE, CASES, RUNNER, WORK_DIR; or GENERATE and SEED instead of CASES, to run
# generated cases.
include(${CMAKE_CURRENT_LIST_DIR}/require_jdk17.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/jdk_diff_steps.cmake)

file(MAKE_DIRECTORY "${WORK_DIR}/classes")
if(GENERATE)
  set(CASES "${WORK_DIR}/generated_cases.txt")
  execute_process(COMMAND "${RUNNER}" --generate ${GENERATE} ${SEED} OUTPUT_FILE "${CASES}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "generating cases failed (${rc})")
  endif()
endif()
heapviz_javac("${WORK_DIR}/classes")

# One JVM per distinct "flags ... |" header (group), with those flags; the simulator runs the same group.
execute_process(COMMAND "${RUNNER}" --groups "${CASES}" OUTPUT_VARIABLE groups_text RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "listing the flag groups failed (${rc}):\n${err}")
endif()
string(REPLACE "\n" ";" groups "${groups_text}")
set(index 0)
set(failed FALSE)
foreach(flags IN LISTS groups)
  if(flags STREQUAL "")
    continue()
  endif()
  heapviz_java("${flags}" "${WORK_DIR}/classes" BufferOps "${WORK_DIR}/jdk_${index}.txt" "${CASES}" ${index})
  heapviz_compare(ok "flags [${flags}]: " "${CASES}" --group ${index} --expect "${WORK_DIR}/jdk_${index}.txt"
                  --out "${WORK_DIR}/simulator_${index}.txt")
  if(NOT ok)
    set(failed TRUE)
  endif()
  math(EXPR index "${index} + 1")
endforeach()
if(failed)
  message(FATAL_ERROR "The simulator differs from the JDK. Full outputs: ${WORK_DIR}/jdk_<group>.txt and "
                      "${WORK_DIR}/simulator_<group>.txt")
endif()
