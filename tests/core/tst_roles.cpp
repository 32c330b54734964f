#include "db/databasefile.h"
#include "db/incidentstore.h"
#include "db/schema.h"
#include "domain/rolesummary.h"
#include "fakeclock.h"
#include "storefixture.h"
#include "tempdatabase.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cp;
using Code = StoreError::Code;

class TstRoles : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    test::FakeClock *m_clock = nullptr;
    IncidentStore *m_store = nullptr;
    RoleTemplateLibrary m_library{QString()};
    qint64 m_incident = 0;
    QHash<QString, qint64> m_people;

    qint64 addPerson(const QString &name, const QString &handle, bool trainee = false)
    {
        Person p;
        p.name = name;
        p.handle = handle;
        p.trainee = trainee;
        auto id = m_store->roster().addPerson(p);
        if (!id)
            qWarning() << id.error().message();
        m_people.insert(handle, id ? *id : 0);
        return id ? *id : 0;
    }

    const IncidentRole *find(const QList<IncidentRole> &roles, const QString &key)
    {
        for (const IncidentRole &r : roles) {
            if (r.definition.key == key)
                return &r;
        }
        return nullptr;
    }

    QStringList roleEntries()
    {
        TimelinePage page{m_incident};
        page.oldestFirst = true;
        page.filter.kinds = {EntryKind::Role};
        QStringList texts;
        for (const TimelineEntry &e : *m_store->timeline().entries(page))
            texts << e.text;
        return texts;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        QVERIFY(m_fixture->open().ok());
        m_clock = &m_fixture->clock();
        m_store = &m_fixture->store();
        NewIncident incident;
        incident.title = QStringLiteral("Events are not processed");
        incident.severity = Severity::Sev1;
        incident.roles = m_library.find(QStringLiteral("technical-response"));
        auto id = m_store->incidents().create(incident, QStringLiteral("ana"));
        QVERIFY(id.ok());
        m_incident = *id;
        m_people.clear();
        for (const auto &[name, handle] : {std::pair{QStringLiteral("Ana Lima"), QStringLiteral("ana")},
                                           {QStringLiteral("Bo Chen"), QStringLiteral("bo")},
                                           {QStringLiteral("Cy Okafor"), QStringLiteral("cy")},
                                           {QStringLiteral("Dee Park"), QStringLiteral("dee")},
                                           {QStringLiteral("Eve Novak"), QStringLiteral("eve")}})
            QVERIFY(addPerson(name, handle) > 0);
    }

    void cleanup()
    {
        m_store = nullptr;
        m_clock = nullptr;
        m_fixture.reset();
    }

    void declaringWithATemplateCreatesItsRoles()
    {
        auto roles = m_store->roles().list(m_incident);
        QVERIFY(roles.ok());
        QCOMPARE(roles->size(), 6);
        QCOMPARE(roles->first().definition.key, QStringLiteral("ic"));
        QCOMPARE(m_store->incidents().incident(m_incident)->templateKey, QStringLiteral("technical-response"));
        const IncidentRole *ic = find(*roles, QStringLiteral("ic"));
        auto duties = m_store->roles().duties(ic->id);
        QCOMPARE(duties->size(), ic->definition.responsibilities.size());
        QVERIFY(roleEntries().first().contains(QStringLiteral("Technical incident response")));
        // The IC comes first among the vacancies.
        const QList<IncidentRole> vacant = RoleSummary::vacantRequired(*roles);
        QCOMPARE(vacant.size(), 3);
        QCOMPARE(vacant.first().definition.key, QStringLiteral("ic"));
    }

    void assignmentsAreKeptAsHistoryAndLogged()
    {
        QVERIFY(m_store->roles()
                    .assign(m_incident, QStringLiteral("ic"), m_people[QStringLiteral("ana")], QStringLiteral("ana"))
                    .ok());
        m_clock->advanceSecs(60);
        QVERIFY(m_store->roles()
                    .assign(m_incident, QStringLiteral("deputy"), m_people[QStringLiteral("bo")], QStringLiteral("ana"))
                    .ok());
        QVERIFY(m_store->roles()
                    .assign(m_incident, QStringLiteral("scribe"), m_people[QStringLiteral("bo")], QStringLiteral("ana"))
                    .ok());
        QVERIFY(m_store->roles()
                    .assign(m_incident, QStringLiteral("sme"), m_people[QStringLiteral("dee")], QStringLiteral("ana"))
                    .ok());
        QVERIFY(m_store->roles()
                    .assign(m_incident, QStringLiteral("sme"), m_people[QStringLiteral("eve")], QStringLiteral("ana"))
                    .ok());

        // Single-holder role: a second person must be a hand-over, not an assignment.
        auto clash = m_store->roles().assign(m_incident, QStringLiteral("ic"), m_people[QStringLiteral("cy")],
                                             QStringLiteral("ana"));
        QCOMPARE(clash.error().code(), Code::Invalid);
        QVERIFY(clash.error().message().contains(QStringLiteral("hand it over")));
        QCOMPARE(m_store->roles()
                     .assign(m_incident, QStringLiteral("sme"), m_people[QStringLiteral("dee")], QStringLiteral("ana"))
                     .error()
                     .code(),
                 Code::Invalid);
        QCOMPARE(m_store->roles()
                     .assign(m_incident, QStringLiteral("nope"), m_people[QStringLiteral("dee")], QStringLiteral("ana"))
                     .error()
                     .code(),
                 Code::NotFound);
        QCOMPARE(m_store->roles().assign(m_incident, QStringLiteral("sme"), 9999, QStringLiteral("ana")).error().code(),
                 Code::NotFound);

        m_clock->advanceSecs(600);
        QVERIFY(m_store->roles()
                    .handOver(m_incident, QStringLiteral("scribe"), 0, m_people[QStringLiteral("cy")],
                              QStringLiteral("ana"))
                    .ok());
        QVERIFY(m_store->roles()
                    .release(m_incident, QStringLiteral("sme"), m_people[QStringLiteral("eve")], QStringLiteral("ana"))
                    .ok());
        QCOMPARE(m_store->roles()
                     .release(m_incident, QStringLiteral("sme"), m_people[QStringLiteral("eve")], QStringLiteral("ana"))
                     .code(),
                 Code::Invalid);

        auto roles = *m_store->roles().list(m_incident);
        QCOMPARE(RoleSummary::chatTopic(roles), QStringLiteral("IC: Ana · Deputy: Bo · Scribe: Cy · SME: Dee"));
        QVERIFY(RoleSummary::vacantRequired(roles).isEmpty());

        auto history = *m_store->roles().assignmentHistory(m_incident);
        QCOMPARE(history.size(), 6);
        const Assignment &scribeBo = history.at(2);
        QCOMPARE(scribeBo.roleKey, QStringLiteral("scribe"));
        QCOMPARE(scribeBo.personName, QStringLiteral("Bo Chen"));
        QCOMPARE(scribeBo.endedAt, m_clock->nowUtc());
        QCOMPARE(scribeBo.endReason, QStringLiteral("handed-over"));
        QCOMPARE(history.at(4).endReason, QStringLiteral("released"));
        QVERIFY(!history.last().endedAt.isValid());
        QCOMPARE(history.last().personName, QStringLiteral("Cy Okafor"));

        const QStringList log = roleEntries();
        QVERIFY(log.contains(QStringLiteral("Ana Lima is Incident Commander")));
        QVERIFY(log.contains(QStringLiteral("Scribe handed over: Bo Chen → Cy Okafor")));
        QVERIFY(log.contains(QStringLiteral("Eve Novak released from Subject Matter Expert")));
    }

    void deputyTakesCommandInOneStep()
    {
        QVERIFY(m_store->roles()
                    .assign(m_incident, QStringLiteral("ic"), m_people[QStringLiteral("ana")], QStringLiteral("ana"))
                    .ok());
        QCOMPARE(m_store->roles().takeCommand(m_incident, true, QStringLiteral("bo")).code(),
                 Code::Invalid); // no deputy yet
        QVERIFY(m_store->roles()
                    .assign(m_incident, QStringLiteral("deputy"), m_people[QStringLiteral("bo")], QStringLiteral("ana"))
                    .ok());
        QSignalSpy changed(&m_store->roles(), &RoleRepository::roleChanged);
        QVERIFY(m_store->roles().takeCommand(m_incident, true, QStringLiteral("bo")).ok());
        QVERIFY(changed.count() >= 2);
        auto roles = *m_store->roles().list(m_incident);
        QCOMPARE(find(roles, QStringLiteral("ic"))->holders.first().name, QStringLiteral("Bo Chen"));
        QCOMPARE(find(roles, QStringLiteral("deputy"))->holders.first().name, QStringLiteral("Ana Lima"));
        QVERIFY(roleEntries().last().contains(QStringLiteral("Bo Chen takes command")));

        QVERIFY(m_store->roles().takeCommand(m_incident, false, QStringLiteral("ana")).ok());
        roles = *m_store->roles().list(m_incident);
        QCOMPARE(find(roles, QStringLiteral("ic"))->holders.first().name, QStringLiteral("Ana Lima"));
        QVERIFY(find(roles, QStringLiteral("deputy"))->isVacantRequired());
    }

    void subTeamsReportToTheCommander()
    {
        QVERIFY(m_store->roles().addSubTeam(m_incident, QStringLiteral("Alpha"), QStringLiteral("ana")).ok());
        QCOMPARE(m_store->roles().addSubTeam(m_incident, QStringLiteral("alpha"), QStringLiteral("ana")).code(),
                 Code::Invalid);
        QCOMPARE(m_store->roles().addSubTeam(m_incident, QStringLiteral("  "), QStringLiteral("ana")).code(),
                 Code::Invalid);
        QVERIFY(m_store->roles()
                    .assign(m_incident, QStringLiteral("alpha-lead"), m_people[QStringLiteral("dee")],
                            QStringLiteral("ana"))
                    .ok());
        QVERIFY(m_store->roles()
                    .assign(m_incident, QStringLiteral("alpha-member"), m_people[QStringLiteral("eve")],
                            QStringLiteral("ana"))
                    .ok());
        auto roles = *m_store->roles().list(m_incident);
        const IncidentRole *lead = find(roles, QStringLiteral("alpha-lead"));
        QVERIFY(lead);
        QCOMPARE(lead->definition.parentKey, QStringLiteral("ic"));
        QCOMPARE(lead->subTeam, QStringLiteral("Alpha"));
        QCOMPARE(find(roles, QStringLiteral("alpha-member"))->definition.parentKey, QStringLiteral("alpha-lead"));
        QCOMPARE(RoleSummary::directReports(roles, QStringLiteral("alpha-lead")), 1);
        // Hierarchy order: the member role follows its lead.
        int leadAt = -1, memberAt = -1;
        for (int i = 0; i < roles.size(); ++i) {
            if (roles.at(i).definition.key == QLatin1String("alpha-lead"))
                leadAt = i;
            if (roles.at(i).definition.key == QLatin1String("alpha-member"))
                memberAt = i;
        }
        QCOMPARE(memberAt, leadAt + 1);
    }

    void spanOfControlIsWatched()
    {
        for (int i = 0; i < 8; ++i) {
            const qint64 id = addPerson(QStringLiteral("Expert %1").arg(i), QStringLiteral("x%1").arg(i));
            QVERIFY(m_store->roles().assign(m_incident, QStringLiteral("sme"), id, QStringLiteral("ana")).ok());
        }
        auto roles = *m_store->roles().list(m_incident);
        QCOMPARE(RoleSummary::directReports(roles, QStringLiteral("ic")), 8);
        QCOMPARE(RoleSummary::overSpan(roles).size(), 1);
        QCOMPARE(RoleSummary::overSpan(roles).first().definition.key, QStringLiteral("ic"));
    }

    void checklistTicksAreLogged()
    {
        auto roles = *m_store->roles().list(m_incident);
        const qint64 scribeId = find(roles, QStringLiteral("scribe"))->id;
        const RoleDuty first = m_store->roles().duties(scribeId)->first();
        QVERIFY(m_store->roles().setDutyDone(first.id, true, QStringLiteral("cy")).ok());
        auto after = m_store->roles().duties(scribeId)->first();
        QCOMPARE(after.doneAt, m_clock->nowUtc());
        QCOMPARE(after.doneBy, QStringLiteral("cy"));
        QVERIFY(roleEntries().last().startsWith(QStringLiteral("Scribe: done")));
        QVERIFY(m_store->roles().setDutyDone(first.id, false, QStringLiteral("cy")).ok());
        QVERIFY(!m_store->roles().duties(scribeId)->first().doneAt.isValid());
        QCOMPARE(m_store->roles().setDutyDone(424242, true, QStringLiteral("cy")).code(), Code::NotFound);
    }

    void businessTreeHangsUnderTheIC()
    {
        QVERIFY(m_store->roles()
                    .applyTemplate(m_incident, *m_library.find(QStringLiteral("business-response")),
                                   QStringLiteral("ic"), QStringLiteral("ana"))
                    .ok());
        auto roles = *m_store->roles().list(m_incident);
        QCOMPARE(roles.size(), 16);
        QCOMPARE(find(roles, QStringLiteral("business-lead"))->definition.parentKey, QStringLiteral("ic"));
        QCOMPARE(find(roles, QStringLiteral("legal-officer"))->definition.parentKey, QStringLiteral("business-lead"));
        // Applying it again adds nothing.
        QVERIFY(m_store->roles()
                    .applyTemplate(m_incident, *m_library.find(QStringLiteral("business-response")),
                                   QStringLiteral("ic"), QStringLiteral("ana"))
                    .ok());
        QCOMPARE(m_store->roles().list(m_incident)->size(), 16);
        QCOMPARE(m_store->roles()
                     .applyTemplate(m_incident, *m_library.find(QStringLiteral("business-response")),
                                    QStringLiteral("nope"), QStringLiteral("ana"))
                     .code(),
                 Code::NotFound);
    }

    void adHocRoles()
    {
        RoleDefinition db;
        db.key = QStringLiteral("db-sme");
        db.title = QStringLiteral("Database SME");
        db.parentKey = QStringLiteral("ic");
        QVERIFY(m_store->roles().add(m_incident, db, QStringLiteral("ana")).ok());
        QCOMPARE(m_store->roles().add(m_incident, db, QStringLiteral("ana")).error().code(), Code::Invalid);
        db.key = QStringLiteral("orphan");
        db.parentKey = QStringLiteral("missing");
        QCOMPARE(m_store->roles().add(m_incident, db, QStringLiteral("ana")).error().code(), Code::NotFound);
    }

    void catchUpSummaryBriefsTheIncomingCommander()
    {
        QVERIFY(m_store->roles()
                    .assign(m_incident, QStringLiteral("ic"), m_people[QStringLiteral("ana")], QStringLiteral("ana"))
                    .ok());
        NewEntry status{
            m_incident, EntryKind::Status, QStringLiteral("ana"),
            QStringLiteral("We are in SEV-1, events stuck behind a lock, Dee restarting, next check-in in 3 minutes")};
        m_clock->advanceSecs(300);
        QVERIFY(m_store->timeline().append(status).ok());
        TimelinePage page{m_incident};
        const QString text =
            RoleSummary::catchUp(*m_store->incidents().incident(m_incident), *m_store->roles().list(m_incident),
                                 *m_store->timeline().entries(page), m_clock->nowUtc());
        QVERIFY(text.contains(QStringLiteral("SEV-1")));
        QVERIFY(text.contains(QStringLiteral("Incident Commander: Ana Lima")));
        QVERIFY(text.contains(QStringLiteral("Deputy: VACANT (required)")));
        QVERIFY(text.contains(QStringLiteral("next check-in in 3 minutes")));
        QVERIFY(text.contains(QStringLiteral("running 0:05")));
    }

    void rosterImportIsAllOrNothing()
    {
        QList<Person> people;
        Person fay;
        fay.name = QStringLiteral("Fay Wu");
        fay.handle = QStringLiteral("fay");
        fay.trainedRoles = {QStringLiteral("ic"), QStringLiteral("deputy")};
        Person boRenamed;
        boRenamed.name = QStringLiteral("Bo Chen-Li");
        boRenamed.handle = QStringLiteral("BO");
        Person bad;
        bad.name = QStringLiteral("No Handle");
        people << fay << boRenamed << bad;
        auto failed = m_store->roster().importRoster({}, people);
        QCOMPARE(failed.error().code(), Code::Invalid);
        QVERIFY(failed.error().message().startsWith(QStringLiteral("Person 3")));
        QCOMPARE(m_store->roster().people()->size(), 5);

        people.removeLast();
        Department eng{0,
                       QStringLiteral("engineering"),
                       QStringLiteral("Engineering"),
                       QStringLiteral("Dee Park"),
                       QStringLiteral("eng-primary"),
                       QStringLiteral("Dee → Eng manager → CTO")};
        QSignalSpy personChanged(&m_store->roster(), &RosterRepository::personChanged);
        auto done = m_store->roster().importRoster({eng}, people);
        QVERIFY(done.ok());
        QCOMPARE(*done, 3);
        QCOMPARE(personChanged.count(), 2);
        QCOMPARE(m_store->roster().people()->size(), 6);
        QCOMPARE(m_store->roster().person(m_people[QStringLiteral("bo")])->name, QStringLiteral("Bo Chen-Li"));
        QCOMPARE(m_store->roster().departments()->first().escalationPath, QStringLiteral("Dee → Eng manager → CTO"));

        QCOMPARE(m_store->roster().findPerson(QStringLiteral("FAY"))->name, QStringLiteral("Fay Wu"));
        QCOMPARE(m_store->roster().findPerson(QStringLiteral("eve novak"))->handle, QStringLiteral("eve"));
        QCOMPARE(m_store->roster().findPerson(QStringLiteral("Cy"))->handle, QStringLiteral("cy"));
        QCOMPARE(m_store->roster().findPerson(QStringLiteral("zed")).error().code(), Code::NotFound);
        Person clash;
        clash.name = QStringLiteral("Another Ana");
        clash.handle = QStringLiteral("ANA");
        QCOMPARE(m_store->roster().addPerson(clash).error().code(), Code::Invalid);
    }

    void migratesASchemaOneFile()
    {
        if (test::StoreFixture::onServer())
            QSKIP("an old SQLite file's upgrade; a server's is 'server init' (tst_serverpermissions)");
        // A database as the first release wrote it: schema step 1 only.
        test::TempDatabase tmp;
        const QString path = tmp.path();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            const QList<MigrationStep> steps = Schema::steps(SqlDialect());
            for (const QString &s : steps.first().statements)
                QVERIFY2(q.exec(s), qPrintable(s));
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = %1").arg(DatabaseFile::ApplicationId)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO incident (title, summary, severity, status, kind, declared_at, "
                               "created_at, updated_at) VALUES ('Old one', '', 2, 'resolved', 'technical', 0, 0, 0)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        IncidentStore store(*m_clock);
        const StoreError error = store.session().open(path);
        QVERIFY2(error.ok(), qPrintable(error.message()));
        QCOMPARE(store.session().stats()->schemaVersion, Schema::latestVersion());
        QCOMPARE(store.incidents().list()->first().title, QStringLiteral("Old one"));
        QCOMPARE(store.incidents().list()->first().templateKey, QString());
        QVERIFY(store.roles().list(store.incidents().list()->first().id)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstRoles)
#include "tst_roles.moc"
