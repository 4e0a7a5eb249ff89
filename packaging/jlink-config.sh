# Reads ../jlink.config; sourced (from the project root) by build-installer.sh and stored-packages.sh. Sets:
#   modules        the modules, comma-separated, for --add-modules
#   jlink_options  the option lines (--...), one jlink argument each, passed as written
#   stored         the "stored <module>/<package>" lines' packages, one per line (empty when there are none)
# Comments (#) and blank lines are skipped; CR is dropped, so a CRLF checkout reads the same.
jlink_config_lines() { tr -d '\r' < jlink.config | grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$'; }
modules=$(jlink_config_lines | grep -v -e '^--' -e '^stored ' | paste -sd, -)
jlink_options=()
while IFS= read -r option; do jlink_options+=("$option"); done < <(jlink_config_lines | grep '^--')
stored=$(jlink_config_lines | sed -n 's/^stored //p')
