# Warnings are errors-in-waiting: every target of the project gets the same strict set.
# MOIM_WERROR turns them into errors (CI builds with it), so a new warning cannot land unnoticed.
option(MOIM_WERROR "Treat compiler warnings in Moim's own targets as errors" OFF)

function(moim_strict_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    -Wcast-align -Wformat=2 -Wimplicit-fallthrough)
  if(MOIM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
