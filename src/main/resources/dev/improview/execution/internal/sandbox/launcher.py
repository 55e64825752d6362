# Improview sandbox launcher: started by the server from an argument list, before any job exists.
# It does the steps a Java ProcessBuilder cannot: join the run's cgroups, set resource limits, open
# the seccomp filter onto an inheritable fd, then exec the rest of its argv (setpriv, then bwrap).
# Usage: launcher.py [--cgroup-procs FILE]... [--rlimit NAME=VALUE]... [--seccomp FILE] -- ARGV...
import os
import resource
import sys

FD_TOKEN = "{seccomp-fd}"


def fail(message):
    sys.stderr.write("improview-launcher: " + message + "\n")
    sys.stderr.flush()
    os._exit(125)


def main(args):
    procs, limits, seccomp = [], [], None
    i = 0
    while i < len(args) and args[i] != "--":
        if i + 1 >= len(args):
            fail("option without a value: " + args[i])
        option, value = args[i], args[i + 1]
        if option == "--cgroup-procs":
            procs.append(value)
        elif option == "--rlimit":
            limits.append(value)
        elif option == "--seccomp":
            seccomp = value
        else:
            fail("unknown option: " + option)
        i += 2
    command = args[i + 1:]
    if not command:
        fail("no command after --")

    pid = str(os.getpid())
    for path in procs:
        # Joining before exec means every descendant is born inside the run's groups.
        with open(path, "w") as f:
            f.write(pid)

    for spec in limits:
        name, _, value = spec.partition("=")
        limit = getattr(resource, "RLIMIT_" + name.upper(), None)
        if limit is None or not value.isdigit():
            fail("bad rlimit: " + spec)
        resource.setrlimit(limit, (int(value), int(value)))

    if seccomp is not None:
        fd = os.open(seccomp, os.O_RDONLY)
        os.set_inheritable(fd, True)
        command = [str(fd) if arg == FD_TOKEN else arg for arg in command]

    os.execv(command[0], command)


try:
    main(sys.argv[1:])
except Exception as error:  # noqa: BLE001 - any failure before exec is ours, report it plainly
    fail(type(error).__name__ + ": " + str(error))
