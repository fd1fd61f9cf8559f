# Included by CTest after the discovered e2e tests are defined.
if(thidua_e2e_test_TESTS)
  set_tests_properties(${thidua_e2e_test_TESTS} PROPERTIES TIMEOUT 120)
endif()
