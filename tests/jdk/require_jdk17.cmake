# Included by the run_*_diff.cmake scripts: JAVA and JAVAC must exist and be JDK 17, the oracle (another
# release may differ in messages and overrides). A missing JDK is a failure, never a skip.
foreach(tool JAVA JAVAC)
  if(NOT ${tool} OR ${tool} MATCHES "NOTFOUND$" OR NOT EXISTS "${${tool}}")
    message(FATAL_ERROR "The differential test needs the JDK 17 tool '${tool}' but it was not found "
                        "(got '${${tool}}'). Install openjdk-17-jdk-headless and re-run cmake.")
  endif()
endforeach()

execute_process(COMMAND "${JAVA}" -version ERROR_VARIABLE version OUTPUT_VARIABLE version_out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT version MATCHES "version \"17[.\"]")
  message(FATAL_ERROR "The differential test needs JDK 17 as its oracle; '${JAVA} -version' said:\n${version}")
endif()
