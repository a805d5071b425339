# Compiles BufferOps.java, runs it on the real JDK and compares its output with the simulator's.
# Inputs: JAVA, JAVAC, SOURCE, CASES, RUNNER, WORK_DIR; or GENERATE and SEED instead of CASES, to run
# generated cases. A missing JDK is a failure, never a skip.
foreach(tool JAVA JAVAC)
  if(NOT ${tool} OR ${tool} MATCHES "NOTFOUND$" OR NOT EXISTS "${${tool}}")
    message(FATAL_ERROR "The differential test needs the JDK 17 tool '${tool}' but it was not found "
                        "(got '${${tool}}'). Install openjdk-17-jdk-headless and re-run cmake.")
  endif()
endforeach()

# The oracle is JDK 17: another release may differ (messages, overrides), so refuse it loudly.
execute_process(COMMAND "${JAVA}" -version ERROR_VARIABLE version OUTPUT_VARIABLE version_out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT version MATCHES "version \"17[.\"]")
  message(FATAL_ERROR "The differential test needs JDK 17 as its oracle; '${JAVA} -version' said:\n${version}")
endif()

file(MAKE_DIRECTORY "${WORK_DIR}/classes")
if(GENERATE)
  set(CASES "${WORK_DIR}/generated_cases.txt")
  execute_process(COMMAND "${RUNNER}" --generate ${GENERATE} ${SEED} OUTPUT_FILE "${CASES}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "generating cases failed (${rc})")
  endif()
endif()
execute_process(COMMAND "${JAVAC}" -d "${WORK_DIR}/classes" "${SOURCE}"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "javac failed (${rc}):\n${err}")
endif()

execute_process(COMMAND "${JAVA}" -cp "${WORK_DIR}/classes" BufferOps "${CASES}"
                OUTPUT_FILE "${WORK_DIR}/jdk.txt" RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "java BufferOps failed (${rc}):\n${err}")
endif()

execute_process(COMMAND "${RUNNER}" "${CASES}" --expect "${WORK_DIR}/jdk.txt" --out "${WORK_DIR}/simulator.txt"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "The simulator differs from the JDK. Full outputs: ${WORK_DIR}/jdk.txt and "
                      "${WORK_DIR}/simulator.txt")
endif()
