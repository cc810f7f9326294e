# Builds and runs tests/consumer against fdfkit (cmake -P):
#   MODE=install    `cmake --install FDFKIT_BUILD` into WORK/prefix, then find_package(fdfkit)
#   MODE=subdir     add_subdirectory(FDFKIT_SOURCE) inside the consumer
# Other inputs: SOURCE (the consumer), WORK (scratch dir), CXX / CC, GENERATOR.
foreach(var MODE SOURCE WORK CXX CC GENERATOR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_consumer.cmake: ${var} is not set")
  endif()
endforeach()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " shown "${ARGN}")
    message(FATAL_ERROR "failed (${rc}): ${shown}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK})
set(configure ${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/build -G ${GENERATOR}
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_C_COMPILER=${CC})
if(MODE STREQUAL "install")
  run(${CMAKE_COMMAND} --install ${FDFKIT_BUILD} --prefix ${WORK}/prefix)
  run(${configure} -DCMAKE_PREFIX_PATH=${WORK}/prefix)
elseif(MODE STREQUAL "subdir")
  run(${configure} -DFDFKIT_SOURCE_DIR=${FDFKIT_SOURCE})
else()
  message(FATAL_ERROR "run_consumer.cmake: MODE must be install or subdir")
endif()
run(${CMAKE_COMMAND} --build ${WORK}/build --target consumer)
run(${WORK}/build/consumer)
