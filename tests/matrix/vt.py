# vt.py: one program run in a new pseudo-terminal whose output goes
# through a VT emulator (pyte), as a person at a terminal would see it.
#
# The program runs under a tiny job-control shell: a session leader that
# owns the terminal (its controlling terminal) and starts the program in a
# process group of its own, in the foreground. Like a shell it takes the
# terminal back when the program stops (Ctrl-Z) and gives it back with
# SIGCONT on "fg", so Ctrl-Z really stops the program (a process group
# whose parent is outside its session is orphaned and the kernel would
# not stop it). The shell reports on a pipe: the program's pid, "stopped",
# "continued" and "exit STATUS". A SIGSTOP (the test pausing the program,
# as a busy machine would) is not a stop the shell acts on.
#
# Every byte the program writes is kept (Session.raw) and fed to a
# pyte.Screen: Latin-1 when the terminal is a Latin-1 one, else UTF-8.
# All waiting is bounded and ends as soon as the awaited state is seen.
import errno
import fcntl
import os
import resource
import select
import signal
import struct
import subprocess
import termios
import time

import pyte


class Screen(pyte.Screen):
    """pyte's screen, with REP (CSI n b: the last character again n times,
    ECMA-48 8.3.103), which xterm and PuTTY have and their terminfo entries
    offer (rep): ncurses uses it, pyte 0.8 lacks it."""

    last_char = None

    def draw(self, data):
        if data:
            self.last_char = data[-1]
        super().draw(data)

    def repeat_last(self, count=1, *_args, **_kwargs):
        if self.last_char is not None:
            self.draw(self.last_char * max(count, 1))


class ByteStream(pyte.ByteStream):
    """pyte's byte stream, with REP dispatched to Screen.repeat_last."""

    csi = dict(pyte.ByteStream.csi, b="repeat_last")


def _set_winsize(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def stty_g(fd):
    """What `stty -g` prints for the terminal open on fd."""
    r = subprocess.run(["stty", "-g"], stdin=fd, stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, check=False)
    return r.stdout.decode().strip()


def _shell(slave_name, argv, env, cwd, status_w, cmd_r):
    """The job-control shell (in the forked child); never returns."""
    try:
        os.setsid()
        tty = os.open(slave_name, os.O_RDWR)  # becomes the controlling tty
        fcntl.ioctl(tty, termios.TIOCSCTTY, 0)
        signal.signal(signal.SIGTTOU, signal.SIG_IGN)
        signal.signal(signal.SIGWINCH, signal.SIG_IGN)
        pid = os.fork()
        if pid == 0:
            os.setpgid(0, 0)
            os.tcsetpgrp(tty, os.getpid())
            for fd in (0, 1, 2):
                os.dup2(tty, fd)
            if tty > 2:
                os.close(tty)
            os.closerange(3, 1024)
            for sig in range(1, signal.NSIG):
                if sig in (signal.SIGKILL, signal.SIGSTOP):
                    continue
                try:
                    signal.signal(sig, signal.SIG_DFL)
                except (OSError, ValueError):
                    pass
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            # a crash must not leave a core file in the build tree
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            if cwd:
                os.chdir(cwd)
            try:
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        try:
            os.setpgid(pid, pid)
        except OSError:
            pass
        os.write(status_w, b"pid %d\n" % pid)
        while True:
            try:
                p, st = os.waitpid(pid, os.WNOHANG | os.WUNTRACED)
            except ChildProcessError:
                os._exit(0)
            if p == pid and os.WIFSTOPPED(st):
                # a stop from the terminal (Ctrl-Z...): the shell takes it
                # back; SIGSTOP is the test pausing the program (pause())
                if os.WSTOPSIG(st) != signal.SIGSTOP:
                    os.tcsetpgrp(tty, os.getpgrp())
                    os.write(status_w, b"stopped\n")
            elif p == pid:
                os.write(status_w, b"exit %d\n" % st)
                os._exit(0)
            r, _, _ = select.select([cmd_r], [], [], 0.01)
            if r:
                cmd = os.read(cmd_r, 64)
                if not cmd:
                    os.kill(-pid, signal.SIGKILL)
                elif cmd.startswith(b"fg"):
                    os.tcsetpgrp(tty, pid)
                    os.kill(-pid, signal.SIGCONT)
                    os.write(status_w, b"continued\n")
    except BaseException:  # pylint: disable=broad-except
        os._exit(126)


class Session:
    """A program in a cols x rows pseudo-terminal, seen through pyte."""

    def __init__(self, argv, env, cols=80, rows=24, latin1=False, cwd=None):
        self.cols, self.rows = cols, rows
        self.raw = bytearray()
        self.screen = Screen(cols, rows)
        self.stream = ByteStream(self.screen)
        if latin1:
            self.stream.use_utf8 = False
        self.master, self.slave = os.openpty()
        _set_winsize(self.master, cols, rows)
        self.stty_before = stty_g(self.slave)
        status_r, status_w = os.pipe()
        cmd_r, cmd_w = os.pipe()
        slave_name = os.ttyname(self.slave)
        self.shell = os.fork()
        if self.shell == 0:
            os.close(self.master)
            os.close(status_r)
            os.close(cmd_w)
            _shell(slave_name, argv, env, cwd, status_w, cmd_r)
        os.close(status_w)
        os.close(cmd_r)
        self.status_r, self.cmd_w = status_r, cmd_w
        os.set_blocking(self.master, False)
        os.set_blocking(self.status_r, False)
        self.pid = None
        self.status = None  # the wait status once the program has ended
        self.stopped = False
        self._pending = b""
        self.last_output = time.monotonic()
        t_end = time.monotonic() + 5
        while self.pid is None and time.monotonic() < t_end:
            self.pump(0.01)

    # --- reading -----------------------------------------------------------
    def _status_lines(self):
        try:
            data = os.read(self.status_r, 4096)
        except BlockingIOError:
            return
        self._pending += data
        while b"\n" in self._pending:
            line, self._pending = self._pending.split(b"\n", 1)
            word, _, arg = line.partition(b" ")
            if word == b"pid":
                self.pid = int(arg)
            elif word == b"stopped":
                self.stopped = True
            elif word == b"continued":
                self.stopped = False
            elif word == b"exit":
                self.status = int(arg)

    def pump(self, timeout):
        """Read what comes within timeout seconds (less when something
        comes: returns after the first read). True when output came."""
        fds = [self.master, self.status_r]
        r, _, _ = select.select(fds, [], [], max(timeout, 0))
        got = False
        if self.status_r in r:
            self._status_lines()
        if self.master in r:
            while True:
                try:
                    data = os.read(self.master, 65536)
                except BlockingIOError:
                    break
                except OSError as e:
                    if e.errno == errno.EIO:
                        break
                    raise
                if not data:
                    break
                self.raw += data
                self.stream.feed(data)
                got = True
            if got:
                self.last_output = time.monotonic()
        return got

    def wait(self, pred, limit=5.0):
        """Read until pred() holds (True) or limit seconds pass (False)."""
        t_end = time.monotonic() + limit
        while True:
            if pred():
                return True
            left = t_end - time.monotonic()
            if left <= 0:
                return False
            self.pump(min(left, 0.02))

    def quiet(self, gap=0.05, first=0.5, limit=5.0):
        """Read until the output has been quiet for gap seconds, after
        waiting at most first seconds for it to start; at most limit."""
        t0 = time.monotonic()
        started = False
        while time.monotonic() - t0 < limit:
            if self.pump(gap):
                started = True
                continue
            if started or time.monotonic() - t0 >= first:
                return started
        return started

    def settle(self, want=None, stable=2.0, limit=8.0):
        """Read until the screen text is want; or, without want, until it
        stays the same for 0.15 s. A screen that differs from want gets
        `stable` seconds without change before giving up."""
        t_end = time.monotonic() + limit
        need = stable if want is not None else 0.15
        last, since = None, time.monotonic()
        while time.monotonic() < t_end:
            cur = self.text()
            if want is not None and cur == want:
                return True
            if cur != last:
                last, since = cur, time.monotonic()
            elif time.monotonic() - since >= need and \
                    time.monotonic() - self.last_output >= need:
                return want is None
            self.pump(0.02)
        return want is None or self.text() == want

    # --- acting ------------------------------------------------------------
    def send(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        t_end = time.monotonic() + 5
        while data and time.monotonic() < t_end:
            try:
                n = os.write(self.master, data)
                data = data[n:]
            except BlockingIOError:
                self.pump(0.005)

    def resize(self, cols, rows, emulator=True):
        """The window changes size: the emulator first (as a terminal
        does), then the pseudo-terminal (the kernel sends SIGWINCH)."""
        self.cols, self.rows = cols, rows
        if emulator:
            self.screen.resize(rows, cols)
        _set_winsize(self.master, cols, rows)

    def resize_there_and_back(self, cols, rows):
        """The window goes to cols x rows and back while the program waits
        for the processor (paused with SIGSTOP, which the shell leaves
        alone): it then gets one SIGWINCH and finds the size it had. The
        emulator goes through both sizes (pyte drops the top lines)."""
        old = (self.cols, self.rows)
        os.kill(self.pid, signal.SIGSTOP)
        self.wait(lambda: self.proc_state() == "T", 2)
        _set_winsize(self.master, cols, rows)
        self.screen.resize(rows, cols)
        _set_winsize(self.master, *old)
        self.screen.resize(old[1], old[0])
        os.kill(self.pid, signal.SIGCONT)

    def signal(self, sig):
        if self.pid and self.status is None:
            os.kill(self.pid, sig)

    def fg(self):
        """As a shell's fg: the terminal back to the program, SIGCONT."""
        os.write(self.cmd_w, b"fg\n")
        self.wait(lambda: not self.stopped, 2)

    def alive(self):
        self.pump(0)
        return self.status is None

    def wait_exit(self, limit=3.0):
        return self.wait(lambda: self.status is not None, limit)

    def proc_state(self):
        """The program's state letter from /proc (R, S, T...)."""
        try:
            with open("/proc/%d/stat" % self.pid, "rb") as f:
                return f.read().rsplit(b")", 1)[1].split()[0].decode()
        except (OSError, IndexError):
            return "?"

    def stty_after(self):
        return stty_g(self.slave)

    def close(self):
        if self.status is None and self.pid:
            try:
                os.kill(-self.pid, signal.SIGCONT)
                os.kill(-self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.wait(lambda: self.status is not None, 2)
        for fd in (self.cmd_w, self.status_r, self.master, self.slave):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            os.waitpid(self.shell, 0)
        except ChildProcessError:
            pass

    # --- what is on the screen ---------------------------------------------
    def lines(self):
        return [line.rstrip() for line in self.screen.display]

    def text(self):
        return "\n".join(self.lines()) + "\n"

    def status_line(self):
        return self.lines()[-1]

    def reverse_cells(self, top, bottom):
        """How many cells of rows top..bottom-1 are in reverse video."""
        n = 0
        for y in range(top, bottom):
            row = self.screen.buffer[y]
            for x in range(self.screen.columns):
                if row[x].reverse:
                    n += 1
        return n

    def body(self):
        """Rows 0 to the one above the status line, text and reverse video."""
        out = []
        for y in range(self.screen.lines - 1):
            row = self.screen.buffer[y]
            out.append("".join(row[x].data for x in range(self.screen.columns)).rstrip())
            out.append("".join("R" if row[x].reverse else "." for x in range(self.screen.columns)))
        return "\n".join(out)
