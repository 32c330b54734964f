#pragma once

#include "db/incidentstore.h"
#include "fakeclock.h"
#include "mainwindow.h"
#include "preferences.h"
#include "tempdatabase.h"

#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QSettings>
#include <QTest>

#include <memory>

namespace cp::test {

// Brings the window's dock named `dockName` to the front as its "Go to" shortcut does (shown, its
// tab raised), which builds its content if nobody had looked at it yet: the widgets of a dock
// kept behind a tab exist only from then on. Null when the window has no such dock.
QDockWidget *revealDock(MainWindow &window, const QString &dockName);
// The widget `name` inside the dock `dockName`, reached that way.
template <typename T> T *inDock(MainWindow &window, const QString &dockName, const QString &name)
{
    QDockWidget *dock = revealDock(window, dockName);
    return dock ? dock->findChild<T *>(name) : nullptr;
}

// What every window test starts from: a store over a temporary database, a fake clock at
// 2026-11-22 14:00 UTC, private settings whose author is "ana", and (makeWindow) one main window
// over them. Dialogs open non-modally (QDialog::open), so a test finds them by type and answers
// them. The helpers below set a record up through the store, as another program would.
class UiFixture
{
public:
    explicit UiFixture(int busyTimeoutMs = 5000);
    ~UiFixture();

    MainWindow &makeWindow();
    // A window on a newly declared incident, active, for a test that types into it: nullptr when
    // the window did not open the incident or never became the active one.
    MainWindow *activeWindowOn(const QString &title);
    // The window and the store closed and the database opened again: the program restarted
    // (make the window again).
    StoreError reopen();
    // Another program's store on the same database, on the fixture's clock.
    std::unique_ptr<IncidentStore> openAnother(const StoreSession::Options &options = {}) const;

    // The open dialog of type T: actions create and open() their dialogs synchronously.
    template <typename T> T *dialog() const
    {
        const QList<T *> found = window->findChildren<T *>();
        for (T *candidate : found) {
            if (candidate->isVisible())
                return candidate;
        }
        return nullptr;
    }

    // Declares an incident through the store (the dialog has its own test), staffed with a role
    // template's roles when one is named ("technical-response"); 0 when refused.
    qint64 declare(const QString &title, Severity severity = Severity::Sev2, const QString &roleTemplate = {});
    // A person on the roster (team Platform); 0 when refused.
    qint64 addPerson(const QString &name, const QString &handle);

    TempDatabase db;
    FakeClock clock;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<Preferences> preferences;
    std::unique_ptr<IncidentStore> store;
    std::unique_ptr<MainWindow> window;
    StoreError openError;

private:
    StoreSession::Options m_options;
};

} // namespace cp::test
