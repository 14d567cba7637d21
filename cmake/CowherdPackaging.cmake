# CPack: the Debian package of cowherd and cowherdctl, made from the install() rules.
# Included from packaging/CMakeLists.txt; `make package` builds it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cowherd)
set(CPACK_PACKAGE_VENDOR "The Cowherd developers")
set(CPACK_PACKAGE_CONTACT "Cowherd developers <cowherd@cowherd.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "image cache and copy-on-write instance manager for KVM hosts")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# Only what install() rules say goes into the package (tests and benchmarks install nothing).
set(CPACK_SOURCE_GENERATOR "")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # cowherd_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description
# (CPack indents it and turns empty lines into " .").
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Cowherd watches over the image cache (the _base directory that the libvirt
driver of OpenStack Nova made familiar) of KVM hosts and over the qcow2
copy-on-write instances built on it. It fetches images into the cache,
launches instances on overlays, shows which instances use which base file,
removes base files nobody has used for a while, and verifies their checksums.

This package contains the desktop application cowherd and the command-line
tool cowherdctl, which offers every operation with JSON output.")
# Shared library dependencies come from dpkg-shlibdeps (package dpkg-dev); the tools Cowherd
# runs on a host are added by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# util-linux is Essential, so it is named with a version (prlimit arrived in 2.21): flock and
# prlimit are what Cowherd runs from it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qemu-utils, openssh-client, util-linux (>= 2.21)")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libvirt-clients")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libvirt-daemon-system")

include(CPack)
