#!/usr/bin/python3
"""Walks CommandPost's accessible tree the way a screen reader does, through AT-SPI (pyatspi).

Run by run_atspi_walk.sh inside a private D-Bus session and a virtual X server. It builds a
drill database with commandpost-cli, starts the main window and the shadow view (--follow) and
fails when:
  * a focusable control has no accessible name (a placeholder or a value is not a name;
    a drop-down must be named by its label, "Severity", not by "SEV-1 · critical"),
  * Tab is trapped (focus stays on one control, as in a table that walks its cells),
  * Tab lands on a control that is not showing (a dock tabbed away),
  * Tab does not come round to where it started,
  * the shadow view's window is not a window (role "filler") or its title is cut.
It prints what it walked: focusable controls, how many lacked a name, the Tab cycle.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

import pyatspi

ITEM_ROLES = {"table cell", "list item", "tree item", "page tab", "table row", "table column header", "table row header"}
failures = []


def fail(text):
    failures.append(text)
    print("FAIL: " + text, flush=True)


def poll(predicate, timeout):
    """Polls predicate until it returns something true or the timeout passes (QTRY-style)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def safe(call, default=None):
    try:
        return call()
    except Exception:  # the object went away while we looked at it
        return default


def seed(cli, db):
    def c(*args):
        out = subprocess.run([cli, "--db", db, *args], check=True, capture_output=True, text=True)
        return out.stdout.strip()

    c("init")
    for name, handle in [("Ana Lima", "ana"), ("Bo Chen", "bo"), ("Cy Diaz", "cy"), ("Dana Reyes", "dana")]:
        c("people", "add", "--name", name, "--handle", handle)
    incident = c("incident", "new", "--title", "Checkout payments failing for every card issuer in the EU region",
                 "--severity", "SEV-1", "--author", "ana")
    for role, person in [("ic", "ana"), ("deputy", "bo"), ("scribe", "cy"), ("sme", "dana")]:
        c("assign", "--incident", incident, "--role", role, "--person", person)
    c("timer", "start", "--incident", incident, "--in", "5m", "--label", "Check back with DB SME", "--owner", "deputy")
    c("log", "--incident", incident, "--kind", "action", "--author", "cy", "Dana restarting the payment workers")
    c("log", "--incident", incident, "--kind", "decision", "--author", "ana", "--key", "Fail over the payments DB")
    c("rollcall", "start", "--incident", incident, "--author", "ana")
    c("rollcall", "answer", "sme", "--incident", incident, "--condition", "degraded", "--text", "replica lagging",
      "--actions", "failing over", "--needs", "DBA on call")
    c("rollcall", "miss", "scribe", "--incident", incident)
    return incident


def find_application(pid, timeout=60):
    def look():
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = safe(lambda: desktop.getChildAtIndex(i))
            if app is not None and safe(app.get_process_id) == pid and app.childCount > 0:
                return app
        return None

    return poll(look, timeout)


class Control:
    def __init__(self, obj, role, name, path, showing):
        self.obj, self.role, self.name, self.path, self.showing = obj, role, name, path, showing

    def label(self):
        return "%s %r at %s" % (self.role, self.name, self.path)


def walk(root):
    """Every focusable control under root (items inside views are the views' business)."""
    controls = []

    def visit(obj, path):
        role = safe(obj.getRoleName, "")
        name = safe(lambda: obj.name, "") or ""
        states = safe(obj.getState)
        if states is None:
            return
        here = path + "/" + role + ((":" + name[:24]) if name else "")
        if role in ITEM_ROLES:
            return
        # Qt keeps a spare, tab-less tab bar for each dock area, hidden until docks are tabified
        # there; it is named by its current tab, and has none.
        spare = role == "page tab list" and not states.contains(pyatspi.STATE_VISIBLE) and not any(
            safe(lambda: obj.getChildAtIndex(i).getRoleName()) == "page tab" for i in range(safe(lambda: obj.childCount, 0)))
        if states.contains(pyatspi.STATE_FOCUSABLE) and not spare:
            controls.append(Control(obj, role, name, here, states.contains(pyatspi.STATE_SHOWING)))
        for i in range(safe(lambda: obj.childCount, 0)):
            child = safe(lambda: obj.getChildAtIndex(i))
            if child is not None:
                visit(child, here)

    visit(root, "")
    return controls


def check_names(window_name, controls):
    nameless = [c for c in controls if not c.name.strip()]
    for c in controls:
        if c.role != "combo box" or not c.name:
            continue
        # A drop-down is named by its label: a name that is one of its choices is its value.
        choices = set()
        for i in range(safe(lambda: c.obj.childCount, 0)):
            child = safe(lambda: c.obj.getChildAtIndex(i))
            if child is not None and safe(child.getRoleName) == "list":
                for j in range(min(safe(lambda: child.childCount, 0), 200)):
                    item = safe(lambda: child.getChildAtIndex(j))
                    if item is not None:
                        choices.add(safe(lambda: item.name, "") or "")
        if c.name in choices:
            fail("%s: the drop-down is named by its value: %s" % (window_name, c.label()))
    # A focusable control's role says what it is: "filler" says nothing. A tab widget (holding its
    # page tab list) and a view's viewport (inside the named view) are Qt's own fillers.
    for c in controls:
        if c.role != "filler":
            continue
        kids = [safe(lambda: c.obj.getChildAtIndex(i)) for i in range(safe(lambda: c.obj.childCount, 0))]
        holds_tabs = any(k is not None and safe(k.getRoleName) == "page tab list" for k in kids)
        parent = safe(lambda: c.obj.parent)
        viewport = parent is not None and (safe(lambda: parent.name, "") or "") == c.name and \
            safe(parent.getRoleName) != "filler"
        if not holds_tabs and not viewport:
            fail("%s: a focusable control whose role is only \"filler\": %s" % (window_name, c.label()))
    print("%s: %d focusable controls walked, %d without a name (%d of them showing)" %
          (window_name, len(controls), len(nameless), sum(1 for c in nameless if c.showing)), flush=True)
    for c in nameless:
        description = safe(lambda: c.obj.description, "")
        fail("%s: no accessible name: %s%s" % (window_name, c.label(),
                                                ("  (description: %r)" % description) if description else ""))
    return len(nameless)


def focused(controls):
    for c in controls:
        states = safe(c.obj.getState)
        if states is not None and states.contains(pyatspi.STATE_FOCUSED):
            return c
    return None


def press_tab():
    pyatspi.Registry.generateKeyboardEvent(0xff09, None, pyatspi.KEY_SYM)


def tab_to_next(controls, current):
    press_tab()
    moved = poll(lambda: (lambda now: now if now is not None and now is not current else None)(focused(controls)),
                 1.5)
    return moved or focused(controls)


def check_tab_cycle(window_name, controls, start):
    """From start, Tab until focus comes round again; no traps, nothing hidden on the way."""
    showing = [c for c in controls if c.showing]
    if start is None:
        fail("%s: nothing has the keyboard focus to start the Tab walk from" % window_name)
        return
    if not safe(lambda: start.obj.queryComponent().grabFocus(), False):
        poll(lambda: focused(controls) is start, 2)
    current = poll(lambda: focused(controls), 3)
    if current is None:
        fail("%s: no control reports the focus" % window_name)
        return
    first = current
    cycle = [current]
    for _ in range(2 * len(showing) + 10):
        nxt = tab_to_next(controls, current)
        if nxt is None:
            fail("%s: after Tab from %s no control has the focus" % (window_name, current.label()))
            return
        if nxt is current:
            fail("%s: Tab is trapped in %s" % (window_name, current.label()))
            return
        if not nxt.showing:
            fail("%s: Tab walked into a control that is not showing (a dock tabbed away?): %s" %
                 (window_name, nxt.label()))
        if nxt is first:
            break
        cycle.append(nxt)
        current = nxt
    else:
        fail("%s: Tab never came back to %s after %d presses" % (window_name, first.label(), len(cycle)))
    print("%s: Tab cycle of %d controls: %s" % (window_name, len(cycle), " → ".join(
        (c.name or c.role) for c in cycle)), flush=True)
    return cycle


def settled(window):
    """The window's controls once it is shown, active and one of them has the keyboard focus."""
    def ready():
        states = safe(window.getState)
        if states is None or not states.contains(pyatspi.STATE_ACTIVE):
            return None
        controls = walk(window)
        return controls if focused(controls) is not None else None

    controls = poll(ready, 30)
    # Names read while the window was still being laid out may be cached by the client: ask again.
    safe(window.clear_cache)
    return walk(window)


def start(exe, args, env):
    return subprocess.Popen([exe, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--cli", required=True)
    options = parser.parse_args()

    work = tempfile.mkdtemp(prefix="cp-atspi-")
    env = dict(os.environ)
    # A user of its own: no settings, window layout or notes of the person running the tests.
    env.update(HOME=work, XDG_CONFIG_HOME=os.path.join(work, "config"), XDG_DATA_HOME=os.path.join(work, "data"),
               XDG_RUNTIME_DIR=work, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
               QT_QPA_PLATFORM="xcb")
    db = os.path.join(work, "drill.sqlite")
    title = "Checkout payments failing for every card issuer in the EU region"
    seed(options.cli, db)

    processes = []
    try:
        # A window manager gives each new window the keyboard focus, as a desktop does; without
        # one, X's focus would follow wherever the pointer happens to be.
        ready = os.path.join(work, "wm-ready")
        processes.append(subprocess.Popen(["openbox", "--sm-disable", "--startup", "touch " + ready], env=env,
                                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
        if not poll(lambda: os.path.exists(ready), 20):
            fail("the window manager (openbox) did not start")
            return
        main_window = start(options.app, ["--db", db], env)
        processes.append(main_window)
        app = find_application(main_window.pid)
        if app is None:
            fail("the main window never appeared on the accessibility bus")
            return
        frame = poll(lambda: next((w for w in app if w is not None and "CommandPost" in (w.name or "")), None), 30)
        if frame is None:
            fail("no main window frame")
            return
        controls = settled(frame)
        check_names("main window", controls)
        by_role = {}
        for c in controls:
            by_role.setdefault(c.role, []).append(c)
        entry = next((c for c in controls if c.showing and c.role == "text" and "entry" in c.name.lower()), None)
        cycle = check_tab_cycle("main window", controls, entry or focused(controls)) or []
        # The roster's table is on the way round, and Tab goes on from it (the cycle has no
        # repeats, so whatever follows it is another control).
        if not any(c.role == "table" and c.name == "People" for c in cycle):
            fail("main window: Tab never reached the roster's People table")

        # The shadow view on its own: a window that opens later would not get the keyboard
        # focus from a virtual X server without a window manager.
        main_window.terminate()
        main_window.wait(timeout=10)
        shadow = start(options.app, ["--follow", "--db", db], env)
        processes.append(shadow)
        shadow_app = find_application(shadow.pid)
        if shadow_app is None:
            fail("the shadow view never appeared on the accessibility bus")
            return
        window = poll(lambda: next((w for w in shadow_app if w is not None and "shadow view" in (w.name or "")), None),
                      30)
        if window is None:
            fail("no shadow view window")
            return
        controls = settled(window)
        role = window.getRoleName()
        if role not in ("frame", "window"):
            fail("shadow view: the top-level role is %r, not a window" % role)
        if title not in (window.name or ""):
            fail("shadow view: the window's name %r does not hold the whole title" % window.name)
        check_names("shadow view", controls)
        labels = []

        def collect(obj):
            if safe(obj.getRoleName) == "label":
                labels.append(safe(lambda: obj.name, "") or "")
            for i in range(safe(lambda: obj.childCount, 0)):
                child = safe(lambda: obj.getChildAtIndex(i))
                if child is not None and safe(child.getRoleName) not in ITEM_ROLES:
                    collect(child)

        collect(window)
        if title not in labels:
            fail("shadow view: no label holds the whole incident title (labels: %r)" % labels[:8])
        check_tab_cycle("shadow view", controls, focused(controls) or next((c for c in controls if c.showing), None))
    finally:
        for p in processes:
            p.terminate()
        for p in processes:
            try:
                out, _ = p.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                out, _ = p.communicate()
            if failures and out:
                print("--- output of %s ---\n%s" % (" ".join(p.args[1:]), out), flush=True)


if __name__ == "__main__":
    main()
    if failures:
        print("%d accessibility failures" % len(failures))
        sys.exit(1)
    print("accessibility: all checks passed")
