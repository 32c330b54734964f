#include "uifixture.h"

#include "docks/deferreddock.h"
#include "domain/roletemplate.h"

namespace cp::test {

QDockWidget *revealDock(MainWindow &window, const QString &dockName)
{
    auto *dock = window.findChild<QDockWidget *>(dockName, Qt::FindDirectChildrenOnly);
    if (auto *deferred = qobject_cast<DeferredDock *>(dock)) {
        deferred->reveal();
    } else if (dock) {
        dock->show();
        dock->raise();
    }
    return dock;
}

UiFixture::UiFixture(int busyTimeoutMs) : clock(QDateTime(QDate(2026, 11, 22), QTime(14, 0), Qt::UTC))
{
    settings = std::make_unique<QSettings>(db.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    preferences = std::make_unique<Preferences>(*settings);
    preferences->setAuthorName(QStringLiteral("ana"));
    m_options.busyTimeoutMs = busyTimeoutMs;
    openError = reopen();
}

UiFixture::~UiFixture()
{
    window.reset();
    store.reset();
}

MainWindow &UiFixture::makeWindow()
{
    window = std::make_unique<MainWindow>(*store, clock, *preferences, *settings);
    window->show();
    return *window;
}

MainWindow *UiFixture::activeWindowOn(const QString &title)
{
    const qint64 id = declare(title);
    MainWindow &w = makeWindow();
    if (id <= 0 || !w.openIncident(id))
        return nullptr;
    w.activateWindow();
    return QTest::qWaitForWindowActive(&w) ? &w : nullptr;
}

StoreError UiFixture::reopen()
{
    window.reset();
    store.reset();
    store = std::make_unique<IncidentStore>(clock);
    const StoreError error = store->session().open(db.path(), m_options);
    store->session().setExternalPollInterval(100);
    return error;
}

std::unique_ptr<IncidentStore> UiFixture::openAnother(const StoreSession::Options &options) const
{
    auto other = std::make_unique<IncidentStore>(clock);
    if (!other->session().open(db.path(), options).ok())
        return nullptr;
    return other;
}

qint64 UiFixture::declare(const QString &title, Severity severity, const QString &roleTemplate)
{
    NewIncident incident;
    incident.title = title;
    incident.severity = severity;
    if (!roleTemplate.isEmpty())
        incident.roles = RoleTemplateLibrary(QString()).find(roleTemplate); // the built-in ones
    auto id = store->incidents().create(incident, QStringLiteral("ana"));
    return id ? *id : 0;
}

qint64 UiFixture::addPerson(const QString &name, const QString &handle)
{
    Person person;
    person.name = name;
    person.handle = handle;
    person.team = QStringLiteral("Platform");
    auto id = store->roster().addPerson(person);
    return id ? *id : 0;
}

} // namespace cp::test
