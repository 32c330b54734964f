// Hostile input: a corpus (tests/data/hostile, plus what is generated here because it is binary,
// huge or random) fed to every entry point that reads outside data: the store's open path, the
// roster CSV import, the role-template JSON import, the whole-incident JSON import, the
// quick-entry parser and the timer line parser. Everything is refused with a message or stored
// verbatim; nothing crashes; a refusal leaves the database's content exactly as it was.
#include "db/databasefile.h"
#include "db/incidentstore.h"
#include "domain/domainrules.h"
#include "domain/quickentryparser.h"
#include "domain/roletemplate.h"
#include "exchange/csvreader.h"
#include "exchange/exchangerepository.h"
#include "exchange/incidentjson.h"
#include "exchange/rostercsv.h"
#include "fakeclock.h"
#include "storefixture.h"
#include "tempdatabase.h"
#include "timers/timerlineparser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace cp;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every row of every table, hashed: the database's content, whatever SQLite did to the bytes
// of the file (checkpoints, page reuse).
QByteArray contentFingerprint(const QString &path)
{
    static int counter = 0;
    const QString name = QStringLiteral("fingerprint-%1").arg(++counter);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery tables(db);
            tables.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"));
            QStringList names;
            while (tables.next()) {
                names << tables.value(0).toString();
                hash.addData(tables.value(1).toString().toUtf8());
            }
            for (const QString &table : std::as_const(names)) {
                QSqlQuery rows(db);
                // Table names come from sqlite_master, not from input.
                rows.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY rowid").arg(table));
                while (rows.next()) {
                    for (int i = 0; i < rows.record().count(); ++i)
                        hash.addData(rows.value(i).toString().toUtf8() + '\x1f');
                    hash.addData("\x1e");
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return hash.result().toHex();
}

QByteArray randomBytes(QRandomGenerator &random, int size)
{
    QByteArray bytes(size, '\0');
    for (char &c : bytes)
        c = char(random.bounded(256));
    return bytes;
}

QString deepJson(int depth)
{
    return QString(depth, QLatin1Char('[')) + QString(depth, QLatin1Char(']'));
}

} // namespace

class TstHostileInput : public QObject
{
    Q_OBJECT

private:
    QString m_dir;
    QStringList m_sqlLines;

    QStringList corpus(const QString &pattern) const
    {
        QStringList files;
        for (const QString &name : QDir(m_dir).entryList({pattern}, QDir::Files, QDir::Name))
            files << QDir(m_dir).filePath(name);
        return files;
    }

    // What the generated part of the corpus adds to every text input.
    QList<QByteArray> generatedBytes() const
    {
        QRandomGenerator random(8);
        QList<QByteArray> out;
        out << QByteArray() << QByteArray("\0\0\0", 3) << QByteArray("\xff\xfe\xfd invalid UTF-8 \xc3\x28 \xe2\x82")
            << QByteArray("\xed\xa0\x80 lone surrogate") << QByteArray(1 << 20, 'A') // 1 MB of one field
            << deepJson(5000).toUtf8() << randomBytes(random, 4096) << randomBytes(random, 100);
        for (const QString &line : m_sqlLines)
            out << line.toUtf8();
        return out;
    }

private slots:
    void initTestCase()
    {
        m_dir = QFINDTESTDATA("../data/hostile");
        QVERIFY2(!m_dir.isEmpty(), "tests/data/hostile not found");
        m_sqlLines = QString::fromUtf8(readFile(m_dir + QStringLiteral("/sql.txt")))
                         .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(m_sqlLines.size() >= 15);
    }

    // SQL-looking text in every field a person can type is stored and read back verbatim, and
    // the schema is what it was (no statement was ever built from the text).
    void sqlLookingTextIsStoredVerbatim()
    {
        test::StoreFixture f;
        QVERIFY(f.open().ok());
        IncidentStore &store = f.store();
        int people = 0;
        for (const QString &text : std::as_const(m_sqlLines)) {
            NewIncident incident;
            incident.title = text;
            incident.summary = text;
            auto id = store.incidents().create(incident, text);
            QVERIFY2(id.ok(), qPrintable(id.error().message()));
            QCOMPARE(store.incidents().incident(*id)->title, text.trimmed());
            QCOMPARE(store.incidents().incident(*id)->summary, text.trimmed());
            auto entry = store.timeline().append({*id, EntryKind::Note, text, text});
            QVERIFY2(entry.ok(), qPrintable(entry.error().message()));
            QCOMPARE(store.timeline().entry(*entry)->text, text);
            QCOMPARE(store.timeline().entry(*entry)->author, text.trimmed());
            TimelineFilter filter;
            filter.text = text;
            QVERIFY(store.timeline().matches(*entry, filter).ok()); // LIKE with %, _ and \ escaped
            QVERIFY(*store.timeline().matches(*entry, filter));
            auto timer = store.timers().startCountdown(*id, text, 60000, TimerOptions(), text);
            QVERIFY2(timer.ok(), qPrintable(timer.error().message()));
            QCOMPARE(store.timers().timer(*timer)->label, text.trimmed());
            Person person;
            person.name = text;
            person.handle = QStringLiteral("h%1").arg(++people);
            person.team = text;
            person.contact = text;
            auto personId = store.roster().addPerson(person);
            QVERIFY2(personId.ok(), qPrintable(personId.error().message()));
            QCOMPARE(store.roster().person(*personId)->name, text.trimmed());
            QCOMPARE(store.roster().person(*personId)->contact, text.trimmed());
        }
        QCOMPARE(store.session().stats()->incidents, m_sqlLines.size());
        QVERIFY(store.session().integrityProblems()->isEmpty());
        // The tables are all still there.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema-check"));
        db.setDatabaseName(f.files().path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('timeline_entry', 'incident', "
                                      "'person', 'incident_role') OR name LIKE 'x%'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 4);
        q.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("schema-check"));
    }

    // Damaged copies of a real database: refused (the file untouched) or opened; never a crash.
    void damagedDatabasesNeverCrash()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        const QString original = tmp.path(QStringLiteral("original.sqlite"));
        {
            IncidentStore store(clock);
            QVERIFY(store.session().open(original).ok());
            auto id = store.incidents().create({QStringLiteral("Seed"), {}, Severity::Sev2}, QStringLiteral("a"));
            QVERIFY(id.ok());
            for (int i = 0; i < 40; ++i)
                QVERIFY(
                    store.timeline().append({*id, EntryKind::Note, QStringLiteral("a"), QString(300, QChar(u'é'))}));
        }
        const QByteArray good = readFile(original);
        QVERIFY(good.size() > 8 * 4096);
        QRandomGenerator random(20261122);
        int refused = 0;
        int opened = 0;
        constexpr int Cases = 60;
        for (int n = 0; n < Cases; ++n) {
            QByteArray bytes = good;
            switch (n % 5) {
            case 0: // random bytes scribbled at random places (header included now and then)
                for (int k = 0; k < 1 + random.bounded(20); ++k)
                    bytes[random.bounded(n % 10 == 0 ? 100 : int(bytes.size()))] = char(random.bounded(256));
                break;
            case 1: // cut anywhere
                bytes.truncate(random.bounded(int(bytes.size())));
                break;
            case 2: // a whole page of noise
                bytes.replace(4096 * (1 + random.bounded(int(bytes.size() / 4096) - 1)), 4096,
                              randomBytes(random, 4096));
                break;
            case 3: // pure noise, sometimes behind a valid magic string
                bytes = (n % 2 ? QByteArray("SQLite format 3\0", 16) : QByteArray()) + randomBytes(random, 8192);
                break;
            case 4: // header fields set to hostile values (page size, counts, versions, ids)
                for (int offset : {16, 18, 19, 20, 28, 44, 56, 60, 68, 92, 96})
                    if (random.bounded(3) == 0)
                        bytes[offset + random.bounded(4)] = char(random.bounded(256));
                break;
            }
            const QString path = tmp.path(QStringLiteral("case-%1.sqlite").arg(n));
            QVERIFY(tmp.writeBytes(path, bytes));
            const QByteArray before = test::TempDatabase::fingerprint(path);
            IncidentStore store(clock);
            const StoreError error = store.session().open(path);
            if (!error.ok()) {
                ++refused;
                QVERIFY(!error.message().isEmpty());
                QVERIFY2(!error.message().contains(QLatin1Char('\n')), qPrintable(error.message()));
                QCOMPARE(test::TempDatabase::fingerprint(path), before);
                QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) ||
                        QFileInfo(path + QStringLiteral("-wal")).size() == 0);
            } else {
                ++opened;
                // Whatever it holds, reading and writing report errors rather than crash.
                (void)store.session().integrityProblems();
                TimelinePage page;
                page.incidentId = 1;
                page.limit = 1000;
                (void)store.timeline().entries(page);
                (void)store.timeline().append(
                    {1, EntryKind::Note, QStringLiteral("a"), QStringLiteral("after damage")});
            }
        }
        qInfo("damaged databases: %d refused, %d opened (damage outside the pages read)", refused, opened);
        QVERIFY(refused > Cases / 2);
    }

    void wrongSchemaWithOurMarker()
    {
        // A file that claims to be ours at the latest schema but whose tables are something else.
        test::TempDatabase tmp;
        const QString path = tmp.path();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fake"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE incident (x BLOB)")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE change_log (seq TEXT)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = %1").arg(DatabaseFile::ApplicationId)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("fake"));
        const QByteArray before = contentFingerprint(path);
        test::FakeClock clock;
        IncidentStore store(clock);
        const StoreError error = store.session().open(path);
        if (error.ok()) {
            auto id = store.incidents().create({QStringLiteral("x"), {}, Severity::Sev2}, QStringLiteral("a"));
            QVERIFY(!id.ok());
            QVERIFY(!id.error().message().isEmpty());
        } else {
            QVERIFY(!error.message().isEmpty());
            QCOMPARE(contentFingerprint(path), before);
        }
    }

    void rosterCsvCorpus()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore store(clock);
        QVERIFY(store.session().open(tmp.path()).ok());
        QList<QByteArray> inputs;
        for (const QString &file : corpus(QStringLiteral("*.csv")))
            inputs << readFile(file);
        for (const QByteArray &bytes : generatedBytes()) {
            inputs << bytes;
            inputs << QByteArray("name,handle,team\n") + bytes + '\n';
            inputs << QByteArray("name,handle\n\"") + bytes + QByteArray("\",x\n");
        }
        int imported = 0;
        int refusedCount = 0;
        for (const QByteArray &bytes : std::as_const(inputs)) {
            QList<Person> people;
            QList<Department> departments;
            QString error;
            bool ok = false;
            if (RosterCsv::detect(bytes) == RosterCsv::Kind::Departments)
                ok = RosterCsv::readDepartments(bytes, &departments, &error);
            else
                ok = RosterCsv::readPeople(bytes, &people, &error);
            if (!ok) {
                ++refusedCount;
                QVERIFY2(!error.isEmpty(), bytes.left(80).constData());
                continue;
            }
            const QByteArray before = contentFingerprint(tmp.path());
            auto result = store.roster().importRoster(departments, people);
            if (result) {
                ++imported;
                for (const Person &p : std::as_const(people)) {
                    auto found = store.roster().findPerson(p.handle.trimmed());
                    if (found)
                        QCOMPARE(found->name, p.name.trimmed());
                }
            } else {
                ++refusedCount;
                QVERIFY(!result.error().message().isEmpty());
                QCOMPARE(contentFingerprint(tmp.path()), before);
            }
        }
        qInfo("roster CSV corpus: %lld inputs, %d imported, %d refused", qint64(inputs.size()), imported, refusedCount);
        QVERIFY(imported > 0);
        QVERIFY(refusedCount > 0);
        QVERIFY(store.session().integrityProblems()->isEmpty());
    }

    void roleTemplateJsonCorpus()
    {
        QList<QByteArray> inputs;
        for (const QString &file : corpus(QStringLiteral("template-*.json")))
            inputs << readFile(file);
        inputs << generatedBytes();
        inputs << QStringLiteral("{\"format\":\"commandpost-role-template\",\"version\":1,\"roles\":%1}")
                      .arg(deepJson(100000))
                      .toUtf8();
        int accepted = 0;
        for (const QByteArray &bytes : std::as_const(inputs)) {
            QString error;
            const std::optional<RoleTemplate> parsed = RoleTemplateFormat::fromJson(bytes, &error);
            if (parsed) {
                ++accepted;
                QVERIFY(RoleTemplateFormat::validate(*parsed).isEmpty());
                // What is accepted is kept verbatim: written out and read back, it is the same.
                QString again;
                const auto reread = RoleTemplateFormat::fromJson(RoleTemplateFormat::toJson(*parsed), &again);
                QVERIFY2(reread.has_value(), qPrintable(again));
                QCOMPARE(reread->key, parsed->key);
                QCOMPARE(reread->name, parsed->name);
                QVERIFY(reread->roles == parsed->roles);
            } else {
                QVERIFY2(!error.isEmpty(), bytes.left(80).constData());
            }
        }
        qInfo("role template corpus: %lld inputs, %d accepted", qint64(inputs.size()), accepted);
        QVERIFY(accepted >= 1); // template-sql.json: SQL-looking text in every field, kept verbatim
    }

    void incidentJsonCorpus()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore store(clock);
        QVERIFY(store.session().open(tmp.path()).ok());
        // A valid document with SQL-looking text in every field it carries, made by the exporter.
        NewIncident incident;
        incident.title = m_sqlLines.at(0);
        incident.summary = m_sqlLines.at(1);
        auto id = store.incidents().create(incident, m_sqlLines.at(2));
        QVERIFY(id.ok());
        for (const QString &line : std::as_const(m_sqlLines))
            QVERIFY(store.timeline().append({*id, EntryKind::Decision, line, line}));
        auto document = ExchangeRepository::exportIncident(store, *id);
        QVERIFY2(document.ok(), qPrintable(document.error().message()));
        const QByteArray valid = IncidentJson::write(*document);

        QList<QByteArray> inputs;
        for (const QString &file : corpus(QStringLiteral("incident-*.json")))
            inputs << readFile(file);
        inputs << generatedBytes();
        QRandomGenerator random(77);
        for (int n = 0; n < 40; ++n) { // the valid document, damaged
            QByteArray bytes = valid;
            if (n % 2)
                bytes.truncate(random.bounded(int(bytes.size())));
            else
                for (int k = 0; k < 4; ++k)
                    bytes[random.bounded(int(bytes.size()))] = char(random.bounded(32, 127));
            inputs << bytes;
        }
        inputs << valid;
        int imported = 0;
        for (const QByteArray &bytes : std::as_const(inputs)) {
            auto read = IncidentJson::read(bytes);
            if (!read) {
                QVERIFY(!read.error().message().isEmpty());
                continue;
            }
            const QByteArray before = contentFingerprint(tmp.path());
            auto importedId = ExchangeRepository::importIncident(store, *read);
            if (importedId) {
                ++imported;
            } else {
                QVERIFY(!importedId.error().message().isEmpty());
                QCOMPARE(contentFingerprint(tmp.path()), before);
            }
        }
        QVERIFY(imported >= 1); // at least the valid one
        // The valid one came back verbatim.
        auto again = ExchangeRepository::exportIncident(store, store.session().stats()->incidents);
        QVERIFY(again.ok());
        TimelinePage page;
        page.incidentId = store.session().stats()->incidents;
        page.limit = 1000;
        QStringList texts;
        for (const TimelineEntry &entry : *store.timeline().entries(page))
            texts << entry.text;
        for (const QString &line : std::as_const(m_sqlLines))
            QVERIFY2(texts.contains(line), qPrintable(line));
    }

    // One set of rules: what the store refuses from someone typing, the roster CSV and the
    // incident document refuse from a file (tst_incidentexchange checks the document side).
    void theAppRefusesWhatTheImportsRefuse()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore store(clock);
        QVERIFY(store.session().open(tmp.path()).ok());
        NewIncident incident;
        incident.title = QStringLiteral("Rules");
        auto id = store.incidents().create(incident, QStringLiteral("ana"));
        QVERIFY(id.ok());
        const QString lone = QStringLiteral("a") + QChar(0xD83D) + QStringLiteral("b");
        for (const QString &text : {QString(20 * 1024 * 1024, QLatin1Char('x')), lone}) {
            auto added = store.timeline().append({*id, EntryKind::Note, QStringLiteral("ana"), text});
            QVERIFY(!added.ok());
            QCOMPARE(added.error().code(), StoreError::Code::Invalid);
        }
        NewEntry future{*id, EntryKind::Note, QStringLiteral("ana"), QStringLiteral("from the future")};
        future.occurredAt = QDateTime(QDate(9999, 1, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(!store.timeline().append(future).ok());
        Person spaced;
        spaced.name = QStringLiteral("Ana Lima");
        spaced.handle = QStringLiteral("ana lima");
        QVERIFY(!store.roster().addPerson(spaced).ok());
        QList<Person> people;
        QString error;
        QVERIFY(!RosterCsv::readPeople("name,handle\r\nAna Lima,ana lima\r\n", &people, &error));
        QVERIFY2(error.contains(DomainRules::handleProblem(QStringLiteral("ana lima"))), qPrintable(error));
        QVERIFY(DomainRules::textProblem(QStringLiteral("ok 😀")).isEmpty());
        QVERIFY(!DomainRules::durationProblem(-1).isEmpty());
    }

    void parsersNeverCrash()
    {
        QList<QString> lines;
        for (const QByteArray &bytes : generatedBytes())
            lines << QString::fromUtf8(bytes);
        QRandomGenerator random(5);
        static const QString alphabet = QStringLiteral("@!#:+-0123456789 hmsdHMSDnowago~'\"%;\\,.abcxyzSEV");
        for (int n = 0; n < 3000; ++n) {
            QString line;
            const int length = random.bounded(40);
            for (int i = 0; i < length; ++i)
                line += alphabet.at(random.bounded(int(alphabet.size())));
            lines << line;
        }
        lines << QString(QChar(0xD800)) + QStringLiteral("@10:00 lone high surrogate") << QStringLiteral("@99:99:99 x")
              << QStringLiteral("@-1 x") << QStringLiteral("@+99999999999999m x") << QStringLiteral("every 0m check")
              << QStringLiteral("in 9999999999999h x");
        const QDateTime now(QDate(2026, 11, 22), QTime(14, 0), Qt::UTC);
        int valid = 0;
        for (const QString &line : std::as_const(lines)) {
            const QuickEntry entry = QuickEntryParser::parse(line, EntryKind::Note, now, QTimeZone::utc());
            if (entry.isValid()) {
                ++valid;
                QVERIFY(entry.text.size() <= line.size());
                QVERIFY(!entry.occurredAt.isValid() || entry.occurredAt <= now.addSecs(60));
            } else {
                QVERIFY(!entry.error.isEmpty());
            }
            const TimerLine timer = TimerLineParser::parse(line);
            Q_UNUSED(timer);
            (void)TimerLineParser::parseDuration(line);
        }
        QVERIFY(valid > 0);
    }
};

QTEST_GUILESS_MAIN(TstHostileInput)
#include "tst_hostileinput.moc"
