# The licence, in one place: AppStream metainfo, the About dialog and packaging/debian/copyright
# (which states it in prose) follow it.
set(COWHERD_LICENSE "GPL-3.0-or-later")
# The reverse-DNS id: desktop file, AppStream id and icon name.
set(COWHERD_APP_ID io.github.cowherd.Cowherd)

# One INTERFACE target carries the language standard, warnings and Qt safety defines;
# every Cowherd target links it.
add_library(cowherd_common INTERFACE)
target_compile_features(cowherd_common INTERFACE cxx_std_23)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(cowherd_common INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
option(COWHERD_WERROR "Treat warnings as errors (on in CI)" OFF)
if(COWHERD_WERROR OR DEFINED ENV{CI})
    target_compile_options(cowherd_common INTERFACE -Werror)
endif()
target_compile_definitions(cowherd_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_NO_CONTEXTLESS_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    COWHERD_VERSION="${PROJECT_VERSION}")
