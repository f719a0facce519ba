# Debian packages with CPack: waserda-pos (the till: touchscreen app, CLI, assets, udev rule) and
# waserda-central (the cooperative's server as a systemd service). packaging/build-deb.sh builds
# them; packaging/deb/README.md says what is in them and why.
#
# Works whether or not waserda-pos (WASERDA_UI=OFF) and waserda-central exist: a package whose
# main program is missing is simply not made (the CLI alone still makes waserda-pos).
#
# [SECTION] Options and generated files
# [SECTION] waserda-pos
# [SECTION] waserda-central
# [SECTION] CPack DEB

# [SECTION] Options and generated files
set(WASERDA_PACKAGE_VERSION "${PROJECT_VERSION}" CACHE STRING
    "Version of the .deb packages (the programs keep PROJECT_VERSION; changing this only re-runs cpack)")
set(WASERDA_PACKAGE_MAINTAINER "Waserda POS maintainers <maintainers@waserda-pos.org>" CACHE STRING
    "Maintainer field of the .deb packages")

set(WASERDA_DEB_SRC ${CMAKE_SOURCE_DIR}/packaging/deb)
set(WASERDA_DEB_GEN ${CMAKE_BINARY_DIR}/packaging/deb)
file(MAKE_DIRECTORY ${WASERDA_DEB_GEN})

# `cpack` installs what packaging/build-deb.sh built (the three programs) instead of first building
# every target of the folder, tests and benchmarks included.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

# Debian wants 0755 directories and 0644 files whatever the builder's umask.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(WASERDA_FILE_PERMS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)

find_program(WASERDA_GZIP gzip)

# gzip -9n of a file into the build tree: changelogs and man pages ship compressed, without a
# timestamp in the gzip header so that two builds of one tree give the same bytes.
function(waserda_gzip src dst)
  execute_process(COMMAND ${WASERDA_GZIP} -9nc ${src} OUTPUT_FILE ${dst} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "packaging: gzip ${src} failed")
  endif()
  set_property(DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${src})
endfunction()

# A native package's changelog in Debian's format, one entry for the version being packaged.
# string(TIMESTAMP) honours SOURCE_DATE_EPOCH for reproducible builds.
string(TIMESTAMP WASERDA_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${WASERDA_DEB_SRC}/changelog.in ${WASERDA_DEB_GEN}/changelog @ONLY)
waserda_gzip(${WASERDA_DEB_GEN}/changelog ${WASERDA_DEB_GEN}/changelog.gz)

# Installs a package's copyright, changelog and man pages under its own doc/man folders.
function(waserda_install_docs component package)
  install(FILES ${WASERDA_DEB_SRC}/copyright ${WASERDA_DEB_GEN}/changelog.gz
          DESTINATION share/doc/${package} PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT ${component})
  foreach(doc ${ARGN})
    install(FILES ${doc} DESTINATION share/doc/${package} PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT ${component})
  endforeach()
endfunction()
function(waserda_install_man component program)
  set(src ${WASERDA_DEB_SRC}/man/${program}.1)
  if(EXISTS ${src})
    waserda_gzip(${src} ${WASERDA_DEB_GEN}/${program}.1.gz)
    install(FILES ${WASERDA_DEB_GEN}/${program}.1.gz DESTINATION share/man/man1
            PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT ${component})
  endif()
endfunction()

# [SECTION] waserda-pos
set(WASERDA_DEB_COMPONENTS "")
set(WASERDA_POS_EXTRA_DEPENDS "adduser")
if(TARGET waserda)
  list(APPEND WASERDA_DEB_COMPONENTS pos)
  install(TARGETS waserda RUNTIME DESTINATION bin COMPONENT pos)
  waserda_install_man(pos waserda)

  # Assets, where pos/cli/context.cpp default_assets_dir() looks. Screenshots and the demo
  # generator are for developers, not for a till.
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION share/waserda/assets COMPONENT pos
          FILE_PERMISSIONS ${WASERDA_FILE_PERMS}
          PATTERN screenshots EXCLUDE
          PATTERN tools EXCLUDE
          PATTERN fonts EXCLUDE
          PATTERN README.md EXCLUDE
          PATTERN "*.swp" EXCLUDE
          PATTERN "*~" EXCLUDE)

  # The DejaVu fonts are byte for byte those of fonts-dejavu-core: link to them rather than ship a
  # second copy (Debian's policy on duplicated fonts); copy only a font Debian does not have.
  set(debian_fonts /usr/share/fonts/truetype/dejavu)
  set(font_links_dir ${WASERDA_DEB_GEN}/fonts)
  file(MAKE_DIRECTORY ${font_links_dir})
  file(GLOB asset_fonts ${CMAKE_SOURCE_DIR}/assets/fonts/*.ttf)
  set(copied_font FALSE)
  foreach(font ${asset_fonts})
    get_filename_component(name ${font} NAME)
    set(same FALSE)
    if(EXISTS ${debian_fonts}/${name})
      file(SHA256 ${font} ours)
      file(SHA256 ${debian_fonts}/${name} theirs)
      if(ours STREQUAL theirs)
        set(same TRUE)
      endif()
    endif()
    if(same)
      # Relative: /usr/share/waserda/assets/fonts -> /usr/share/fonts/truetype/dejavu.
      file(REMOVE ${font_links_dir}/${name})
      file(CREATE_LINK ../../../fonts/truetype/dejavu/${name} ${font_links_dir}/${name} SYMBOLIC)
      install(FILES ${font_links_dir}/${name} DESTINATION share/waserda/assets/fonts COMPONENT pos)
      set(uses_debian_fonts TRUE)
    else()
      install(FILES ${font} DESTINATION share/waserda/assets/fonts PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT pos)
      set(copied_font TRUE)
    endif()
  endforeach()
  if(copied_font AND EXISTS ${CMAKE_SOURCE_DIR}/assets/fonts/LICENSE-DejaVu.txt)
    install(FILES ${CMAKE_SOURCE_DIR}/assets/fonts/LICENSE-DejaVu.txt DESTINATION share/waserda/assets/fonts
            PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT pos)
  endif()
  if(uses_debian_fonts)
    list(APPEND WASERDA_POS_EXTRA_DEPENDS "fonts-dejavu-core")
  endif()

  # Printers and scanners for the cashier's account without root (group waserda or the seat ACL).
  install(FILES ${CMAKE_SOURCE_DIR}/packaging/udev/60-waserda-pos.rules DESTINATION /lib/udev/rules.d
          PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT pos)

  # AppStream metadata, with the rule's printers and scanners as modaliases.
  if(TARGET waserda-pos)
    set(WASERDA_METAINFO_TYPE desktop-application)
    set(WASERDA_METAINFO_LAUNCHABLE "<launchable type=\"desktop-id\">waserda-pos.desktop</launchable>")
  else()
    set(WASERDA_METAINFO_TYPE console-application)
    set(WASERDA_METAINFO_LAUNCHABLE "")
  endif()
  configure_file(${WASERDA_DEB_SRC}/waserda-pos.metainfo.xml.in ${WASERDA_DEB_GEN}/waserda-pos.metainfo.xml @ONLY)
  install(FILES ${WASERDA_DEB_GEN}/waserda-pos.metainfo.xml DESTINATION share/metainfo
          PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT pos)

  if(TARGET waserda-pos)
    install(TARGETS waserda-pos RUNTIME DESTINATION bin COMPONENT pos)
    waserda_install_man(pos waserda-pos)
    install(FILES ${WASERDA_DEB_SRC}/waserda-pos.desktop DESTINATION share/applications
            PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT pos)
    install(FILES ${WASERDA_DEB_SRC}/icons/waserda-pos.svg DESTINATION share/icons/hicolor/scalable/apps
            PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT pos)
    install(FILES ${WASERDA_DEB_SRC}/icons/waserda-pos-128.png DESTINATION share/icons/hicolor/128x128/apps
            RENAME waserda-pos.png PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT pos)
  endif()
  waserda_install_docs(pos waserda-pos ${WASERDA_DEB_SRC}/pos/README.Debian)
endif()

# [SECTION] waserda-central
if(TARGET waserda-central)
  list(APPEND WASERDA_DEB_COMPONENTS central)
  install(TARGETS waserda-central RUNTIME DESTINATION bin COMPONENT central)
  waserda_install_man(central waserda-central)
  install(FILES ${WASERDA_DEB_SRC}/central/waserda-central.service DESTINATION /lib/systemd/system
          PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT central)
  install(FILES ${WASERDA_DEB_SRC}/central/central.conf DESTINATION /etc/waserda
          PERMISSIONS ${WASERDA_FILE_PERMS} COMPONENT central)
  waserda_install_docs(central waserda-central ${WASERDA_DEB_SRC}/central/README.Debian)
endif()

# [SECTION] CPack DEB
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME waserda)
set(CPACK_PACKAGE_VENDOR "Waserda POS")
set(CPACK_PACKAGE_VERSION ${WASERDA_PACKAGE_VERSION})
set(CPACK_PACKAGE_CONTACT ${WASERDA_PACKAGE_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
# Only our two packages: an install() rule of another folder without COMPONENT ("Unspecified")
# must not become a third package.
set(CPACK_COMPONENTS_ALL ${WASERDA_DEB_COMPONENTS})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${WASERDA_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_POS_PACKAGE_NAME waserda-pos)
set(CPACK_DEBIAN_POS_PACKAGE_SECTION misc)
list(JOIN WASERDA_POS_EXTRA_DEPENDS ", " pos_depends)
set(CPACK_DEBIAN_POS_PACKAGE_DEPENDS "${pos_depends}")
set(CPACK_DEBIAN_POS_PACKAGE_RECOMMENDS "udev")
set(CPACK_DEBIAN_POS_PACKAGE_SUGGESTS "waserda-central")
set(CPACK_DEBIAN_POS_PACKAGE_CONTROL_EXTRA ${WASERDA_DEB_SRC}/pos/postinst ${WASERDA_DEB_SRC}/pos/postrm)
set(CPACK_COMPONENT_POS_DISPLAY_NAME "waserda-pos")
set(CPACK_COMPONENT_POS_DESCRIPTION
"point of sale and inventory for Indonesian cooperative shops
Waserda POS runs the till of a cooperative's shop (waserda): a touchscreen
checkout with member prices and credit against savings, stock work, reports
and SHU for the manager, receipt printers and barcode scanners over USB.
.
This package holds the touchscreen app waserda-pos (when built), the waserda
command line, translations, printer profiles and the demo catalog, a desktop
entry that starts the checkout full-screen, and a udev rule that lets the
cashier's account open printers and scanners.")

set(CPACK_DEBIAN_CENTRAL_PACKAGE_NAME waserda-central)
set(CPACK_DEBIAN_CENTRAL_PACKAGE_SECTION net)
set(CPACK_DEBIAN_CENTRAL_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_SUGGESTS "postgresql")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_CONTROL_EXTRA
    ${WASERDA_DEB_SRC}/central/postinst ${WASERDA_DEB_SRC}/central/prerm
    ${WASERDA_DEB_SRC}/central/postrm ${WASERDA_DEB_SRC}/central/conffiles)
set(CPACK_COMPONENT_CENTRAL_DISPLAY_NAME "waserda-central")
set(CPACK_COMPONENT_CENTRAL_DESCRIPTION
"central server for Waserda POS shops
waserda-central receives what every shop of a cooperative records (sales,
payments, stock moves) over HTTP from the shops' sync clients, and hands
them the cooperative's item and member master data.
.
This package runs it as a systemd service under its own unprivileged user
waserda-central, keeps its data in /var/lib/waserda-central and listens on
127.0.0.1 by default (/etc/waserda/central.conf).")

include(CPack)
