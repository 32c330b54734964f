#pragma once

#include "db/incidentstore.h"
#include "fakeclock.h"
#include "mainwindow.h"
#include "preferences.h"
#include "tempdatabase.h"

#include <QApplication>
#include <QDialog>
#include <QSettings>
#include <QTest>

#include <memory>

namespace cp::test {

// One main window over a temporary database, a fake clock and private settings.
// Dialogs open non-modally (QDialog::open), so a test finds them by type and answers them.
class UiFixture
{
public:
    explicit UiFixture(int busyTimeoutMs = 5000) : clock(QDateTime(QDate(2026, 11, 22), QTime(14, 0), Qt::UTC))
    {
        settings = std::make_unique<QSettings>(db.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
        preferences = std::make_unique<Preferences>(*settings);
        preferences->setAuthorName(QStringLiteral("ana"));
        store = std::make_unique<IncidentStore>(clock);
        StoreSession::Options options;
        options.busyTimeoutMs = busyTimeoutMs;
        openError = store->session().open(db.path(), options);
        store->session().setExternalPollInterval(100);
    }

    ~UiFixture()
    {
        window.reset();
        store.reset();
    }

    MainWindow &makeWindow()
    {
        window = std::make_unique<MainWindow>(*store, clock, *preferences, *settings);
        window->show();
        return *window;
    }

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

    // Declares an incident through the store (the dialog has its own test).
    qint64 declare(const QString &title, Severity severity = Severity::Sev2)
    {
        NewIncident incident;
        incident.title = title;
        incident.severity = severity;
        auto id = store->incidents().create(incident, QStringLiteral("ana"));
        return id ? *id : 0;
    }

    TempDatabase db;
    FakeClock clock;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<Preferences> preferences;
    std::unique_ptr<IncidentStore> store;
    std::unique_ptr<MainWindow> window;
    StoreError openError;
};

} // namespace cp::test
