# Shell functions shared by the image scripts of compose/ (sourced, not run). With no registry, images start from
# scratch and carry the files they need, copied from this machine.

# copy_linked_libraries ROOTFS FILE...: copies into ROOTFS the shared libraries each FILE links (as ldd resolves
# them on this machine) and the dynamic loader, under their own paths. Libraries already under ROOTFS are skipped;
# a library that is linked but not installed is reported.
copy_linked_libraries() {
    local rootfs="$1"
    shift
    local file library
    for file in "$@"; do
        ldd "${file}" 2>/dev/null | awk '/=> \// {print $3} /^[[:space:]]*\/.*ld-linux/ {print $1} /=> not found/ {print "MISSING " $1}'
    done | sort -u | while read -r library; do
        case "${library}" in
            MISSING*)
                # A library of the image itself (the JDK's libjvm.so) is not on this machine's search path.
                if [ -z "$(find "${rootfs}" -name "${library#MISSING }" -print -quit)" ]; then
                    printf 'warning: %s is linked but not installed on this machine\n' "${library#MISSING }" >&2
                fi ;;
            "${rootfs}"/*) ;;
            *) cp -L --parents "${library}" "${rootfs}/" ;;
        esac
    done
}

# copy_programs ROOTFS PROGRAM...: copies each program found on PATH to the same path under ROOTFS (a symbolic
# link is followed: the file is copied under the program's name), with the libraries it links.
copy_programs() {
    local rootfs="$1"
    shift
    local name path
    for name in "$@"; do
        # type -P: the program, not a shell builtin of the same name (test)
        path="$(type -P "${name}")" || { printf 'no %s on this machine\n' "${name}" >&2; return 1; }
        mkdir -p "${rootfs}$(dirname "${path}")"
        cp -L "${path}" "${rootfs}${path}"
        copy_linked_libraries "${rootfs}" "${path}"
    done
}
