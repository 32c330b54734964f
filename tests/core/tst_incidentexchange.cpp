#include "db/incidentstore.h"
#include "exchange/exchangerepository.h"
#include "exchange/incidentjson.h"
#include "fakeclock.h"
#include "sampleincident.h"
#include "storefixture.h"
#include "tempdatabase.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QRandomGenerator>
#include <QtTest>

using namespace cp;
using namespace cp::IncidentFormat;

namespace {

// Every row of every table, hashed: proves a refused import changed nothing at all.
QByteArray contentFingerprint(const QString &path)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fingerprint"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            return {};
        QSqlQuery tables(db);
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        for (const QString &table : std::as_const(names)) {
            hash.addData(table.toUtf8());
            QSqlQuery rows(db);
            rows.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table));
            while (rows.next()) {
                for (int i = 0; i < rows.record().count(); ++i)
                    hash.addData(rows.value(i).toString().toUtf8() + '\x1f');
                hash.addData("\n");
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fingerprint"));
    return hash.result();
}

} // namespace

class TstIncidentExchange : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::SampleDatabase> m_sample;
    test::TempDatabase *m_tmp = nullptr;
    test::FakeClock *m_clock = nullptr;
    IncidentStore *m_store = nullptr;
    qint64 m_incident = 0;
    QByteArray m_json;

    QByteArray exportJson(IncidentStore &store, qint64 incidentId)
    {
        auto document = ExchangeRepository::exportIncident(store, incidentId);
        if (!document) {
            qWarning() << document.error().message();
            return {};
        }
        return IncidentJson::write(*document);
    }

    // Reads and imports like `commandpost-cli import`; returns the error message or "".
    QString importJson(IncidentStore &store, const QByteArray &bytes)
    {
        auto document = IncidentJson::read(bytes);
        if (!document)
            return document.error().message();
        auto id = ExchangeRepository::importIncident(store, *document);
        return id ? QString() : id.error().message();
    }

    // m_json with one edit applied to the parsed text, written back compactly.
    QByteArray edited(const std::function<void(QJsonObject &)> &edit)
    {
        QJsonObject root = QJsonDocument::fromJson(m_json).object();
        edit(root);
        return QJsonDocument(root).toJson();
    }

    static void setRowField(QJsonObject &root, const QString &section, int row, const QString &field,
                            const QJsonValue &value)
    {
        QJsonArray rows = root.value(section).toArray();
        QJsonObject object = rows.at(row).toObject();
        if (value.isUndefined())
            object.remove(field);
        else
            object.insert(field, value);
        rows.replace(row, object);
        root.insert(section, rows);
    }

private slots:
    void init()
    {
        m_sample = std::make_unique<test::SampleDatabase>();
        QVERIFY(m_sample->open());
        m_tmp = &m_sample->tmp;
        m_clock = &m_sample->clock;
        m_store = &m_sample->store;
        m_incident = m_sample->incident;
        m_json = exportJson(*m_store, m_incident);
        QVERIFY(!m_json.isEmpty());
    }

    void cleanup() { m_sample.reset(); }

    // Every table is either a section of the document or deliberately left out, and every
    // column of an exported table is a field: a table or column added later fails here until
    // the format covers it.
    void everyTableAndColumnIsCovered()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("coverage"));
        db.setDatabaseName(m_tmp->path());
        QVERIFY(db.open());
        {
            QSqlQuery tables(db);
            QVERIFY(tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")));
            QStringList names;
            while (tables.next())
                names << tables.value(0).toString();
            QVERIFY(names.contains(QStringLiteral("timeline_entry")));
            for (const QString &table : std::as_const(names)) {
                if (excludedTables().contains(table))
                    continue;
                const Section *covering = nullptr;
                for (const Section &s : sections()) {
                    if (s.table == table)
                        covering = &s;
                }
                QVERIFY2(covering, qPrintable(QStringLiteral("table %1 is neither exported nor excluded").arg(table)));
                QSqlQuery columns(db);
                QVERIFY(columns.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)));
                int count = 0;
                while (columns.next()) {
                    const QString column = columns.value(1).toString();
                    ++count;
                    const Field *field = covering->field(column);
                    QVERIFY2(field, qPrintable(QStringLiteral("column %1.%2 is not exported").arg(table, column)));
                    const bool notNull = columns.value(3).toInt() != 0 || columns.value(5).toInt() != 0;
                    QVERIFY2(field->nullable != notNull || field->type == FieldType::Id,
                             qPrintable(QStringLiteral("%1.%2: nullability differs").arg(table, column)));
                }
                QCOMPARE(count, covering->fields.size());
            }
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("coverage"));
    }

    void sectionsReferOnlyBackwards()
    {
        QStringList seen;
        for (const Section &s : sections()) {
            for (const Field &f : s.fields) {
                if (f.type == FieldType::Ref)
                    QVERIFY2(seen.contains(f.refSection), qPrintable(s.name + QLatin1Char('.') + f.name));
            }
            seen << s.name;
        }
    }

    void roundTripIntoEmptyDatabaseIsByteIdentical()
    {
        const QJsonObject root = QJsonDocument::fromJson(m_json).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("commandpost-incident"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        QVERIFY(root.value(QStringLiteral("timeline")).toArray().size() >= 35);
        QVERIFY(root.value(QStringLiteral("timeline_revisions")).toArray().size() >= 2);
        QCOMPARE(root.value(QStringLiteral("people")).toArray().size(), 6);
        QCOMPARE(root.value(QStringLiteral("departments")).toArray().size(), 1);
        QCOMPARE(root.value(QStringLiteral("postmortem")).toArray().size(), 1);
        QVERIFY(root.value(QStringLiteral("assignments")).toArray().size() >= 7);

        test::StoreFixture other;
        other.clock().setNowUtc(QDateTime(QDate(2027, 1, 5), QTime(9, 0), Qt::UTC));
        QVERIFY(other.open().ok());
        IncidentStore &empty = other.store();
        QSignalSpy added(&empty.incidents(), &IncidentRepository::incidentAdded);
        auto document = IncidentJson::read(m_json);
        QVERIFY2(document.ok(), qPrintable(document.error().message()));
        auto id = ExchangeRepository::importIncident(empty, *document);
        QVERIFY2(id.ok(), qPrintable(id.error().message()));
        QCOMPARE(added.size(), 1);
        const QByteArray again = exportJson(empty, *id);
        QCOMPARE(again, m_json);
        QCOMPARE(empty.incidents().incident(*id)->title, test::SampleIncident::title());
        QCOMPARE(empty.incidents().postmortem(*id)->value().owner, QStringLiteral("Dee Park"));
        QVERIFY(empty.session().integrityProblems()->isEmpty());
    }

    // The writer spells every string exactly as QJsonDocument does: quotes, backslashes, control
    // characters, non-ASCII text and a surrogate pair (the store takes no lone surrogate).
    void textIsEscapedAsQJsonDocumentDoes()
    {
        QString tricky = QStringLiteral("say \"hi\" \\ back\b\f\n\r\t end \u00e9\u4e2d ");
        tricky += QChar(0x01);
        tricky += QChar(0x1f);
        tricky += QChar(0x7f);
        tricky += QString::fromUcs4(U"\U0001F600");
        tricky += QStringLiteral(" tail");
        auto incident = m_store->incidents().create({QStringLiteral("Escapes")}, QStringLiteral("ana"));
        QVERIFY(incident.ok());
        NewEntry entry;
        entry.incidentId = *incident;
        entry.author = QStringLiteral("bo");
        entry.text = tricky;
        auto appended = m_store->timeline().append(entry);
        QVERIFY2(appended.ok(), qPrintable(appended.error().message()));
        const QByteArray json = exportJson(*m_store, *incident);
        QByteArray expected = QJsonDocument(QJsonArray{tricky}).toJson(QJsonDocument::Compact);
        expected = expected.mid(1, expected.size() - 2);
        QVERIFY2(json.contains(expected), expected.constData());
    }

    void importIntoSameDatabaseGetsFreshIdsAndReusesPeople()
    {
        const qint64 peopleBefore = m_store->roster().people()->size();
        const QString error = importJson(*m_store, m_json);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(m_store->incidents().list()->size(), 2);
        QCOMPARE(m_store->roster().people()->size(), peopleBefore); // matched by handle
        qint64 copy = 0;
        for (const Incident &i : *m_store->incidents().list()) {
            if (i.id != m_incident)
                copy = i.id;
        }
        QVERIFY(copy != m_incident);
        QCOMPARE(exportJson(*m_store, copy), m_json); // document-local ids: the same document
        QVERIFY(m_store->session().integrityProblems()->isEmpty());
    }

    void refusesMalformedDocuments_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("place");
        if (m_json.isEmpty())
            init(); // data functions can run before any init()
        QVERIFY(!m_json.isEmpty());

        QTest::newRow("empty") << QByteArray("  \n") << QStringLiteral("empty");
        QTest::newRow("truncated") << m_json.left(m_json.size() / 2) << QStringLiteral("line ");
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("/: ");
        QTest::newRow("foreign format") << edited([](QJsonObject &r) {
            r.insert(QStringLiteral("format"), QStringLiteral("commandpost-timeline"));
        }) << QStringLiteral("/format");
        QTest::newRow("unknown version") << edited([](QJsonObject &r) { r.insert(QStringLiteral("version"), 2); })
                                         << QStringLiteral("/version: unknown version 2");
        QTest::newRow("version as text") << edited([](QJsonObject &r) {
            r.insert(QStringLiteral("version"), QStringLiteral("1"));
        }) << QStringLiteral("/version");
        QTest::newRow("unknown section") << edited([](QJsonObject &r) {
            r.insert(QStringLiteral("timelines"), QJsonArray());
        }) << QStringLiteral("/timelines: unknown section");
        QTest::newRow("missing incident") << edited([](QJsonObject &r) { r.remove(QStringLiteral("incident")); })
                                          << QStringLiteral("/incident: missing");
        QTest::newRow("wrong type: text as number") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("timeline"), 12, QStringLiteral("body"), 42);
        }) << QStringLiteral("/timeline/12/body: must be a string");
        QTest::newRow("wrong type: bool as text") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("timeline"), 3, QStringLiteral("key_event"), QStringLiteral("yes"));
        }) << QStringLiteral("/timeline/3/key_event: must be true or false");
        QTest::newRow("wrong type: section not a list")
            << edited([](QJsonObject &r) { r.insert(QStringLiteral("roles"), QJsonObject()); })
            << QStringLiteral("/roles: must be a list");
        QTest::newRow("missing field") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("assignments"), 2, QStringLiteral("started_at"), QJsonValue::Undefined);
        }) << QStringLiteral("/assignments/2/started_at: missing");
        QTest::newRow("unknown field") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("people"), 0, QStringLiteral("nickname"), QStringLiteral("A"));
        }) << QStringLiteral("/people/0/nickname: unknown field");
        QTest::newRow("null where required") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("timeline"), 0, QStringLiteral("author"), QJsonValue::Null);
        }) << QStringLiteral("/timeline/0/author: must not be null");
        QTest::newRow("duplicate ids") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("timeline"), 5, QStringLiteral("id"), 2);
        }) << QStringLiteral("/timeline/5/id: duplicate id 2");
        QTest::newRow("duplicate handle") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("people"), 1, QStringLiteral("handle"), QStringLiteral("ana"));
        }) << QStringLiteral("/people/1/handle");
        QTest::newRow("dangling reference") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("assignments"), 0, QStringLiteral("person_id"), 99);
        }) << QStringLiteral("/assignments/0/person_id: no people row has id 99");
        QTest::newRow("bad timestamp") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("timeline"), 12, QStringLiteral("occurred_at"),
                        QStringLiteral("2026-11-22 14:03"));
        }) << QStringLiteral("/timeline/12/occurred_at");
        QTest::newRow("impossible date") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("timeline"), 1, QStringLiteral("captured_at"),
                        QStringLiteral("2026-02-30T10:00:00.000Z"));
        }) << QStringLiteral("/timeline/1/captured_at");
        QTest::newRow("severity out of range") << edited([](QJsonObject &r) {
            QJsonObject incident = r.value(QStringLiteral("incident")).toObject();
            incident.insert(QStringLiteral("severity"), 7);
            r.insert(QStringLiteral("incident"), incident);
        }) << QStringLiteral("/incident/severity");
        QTest::newRow("unknown kind") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("timeline"), 4, QStringLiteral("kind"), QStringLiteral("gossip"));
        }) << QStringLiteral("/timeline/4/kind");
        QTest::newRow("fractional id") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("roles"), 0, QStringLiteral("id"), 1.5);
        }) << QStringLiteral("/roles/0/id");
        // What the app itself refuses is refused from a file too, by the same rules.
        QTest::newRow("a 20 MB entry") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("timeline"), 12, QStringLiteral("body"),
                        QString(20 * 1024 * 1024, QLatin1Char('x')));
        }) << QStringLiteral("/timeline/12/body: is 20971520 characters long");
        QTest::newRow("a lone surrogate") << edited([](QJsonObject &r) {
                                                 setRowField(r, QStringLiteral("timeline"), 12, QStringLiteral("body"),
                                                             QStringLiteral("LONE-SURROGATE"));
                                             }).replace("LONE-SURROGATE", "before \\ud83d\\u0041 after")
                                          << QStringLiteral("half of a UTF-16 surrogate pair");
        QTest::newRow("resolved before declared") << edited([](QJsonObject &r) {
            QJsonObject incident = r.value(QStringLiteral("incident")).toObject();
            incident.insert(QStringLiteral("resolved_at"), QStringLiteral("2001-01-01T00:00:00.000Z"));
            r.insert(QStringLiteral("incident"), incident);
        }) << QStringLiteral("/incident/resolved_at: resolved");
        QTest::newRow("an entry in year 9999") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("timeline"), 12, QStringLiteral("occurred_at"),
                        QStringLiteral("9999-01-01T00:00:00.000Z"));
        }) << QStringLiteral("/timeline/12/occurred_at: 9999-01-01T00:00:00.000Z is in the future");
        QTest::newRow("a handle with a space") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("people"), 0, QStringLiteral("handle"), QStringLiteral("ana lima"));
        }) << QStringLiteral("/people/0/handle: the handle “ana lima” must be one word");
        QTest::newRow("a negative timer") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("timers"), 0, QStringLiteral("duration_ms"), -60000);
        }) << QStringLiteral("/timers/0/duration_ms: a duration cannot be negative");
        QTest::newRow("an assignment ending before it starts") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("assignments"), 0, QStringLiteral("ended_at"),
                        QStringLiteral("2001-01-01T00:00:00.000Z"));
        }) << QStringLiteral("/assignments/0/ended_at: ended");
        QTest::newRow("a member holding one role twice") << edited([](QJsonObject &r) {
            const QJsonObject first = r.value(QStringLiteral("assignments")).toArray().at(0).toObject();
            QJsonObject twin = first;
            twin.insert(QStringLiteral("id"), 999);
            QJsonArray rows = r.value(QStringLiteral("assignments")).toArray();
            rows.append(twin);
            r.insert(QStringLiteral("assignments"), rows);
        }) << QStringLiteral("holds the same role twice at once");
        QTest::newRow("a roll-call number used twice") << edited([](QJsonObject &r) {
            QJsonArray rows = r.value(QStringLiteral("roll_calls")).toArray();
            QJsonObject twin = rows.at(0).toObject();
            twin.insert(QStringLiteral("id"), 999);
            rows.append(twin);
            r.insert(QStringLiteral("roll_calls"), rows);
        }) << QStringLiteral("/roll_calls/1/number: roll call 1 appears twice");
        // Valid JSON, valid fields, but two roles with one key in one incident: the database
        // refuses the second row inside the import's transaction, which then changes nothing.
        QTest::newRow("rejected by the database") << edited([](QJsonObject &r) {
            setRowField(r, QStringLiteral("roles"), 1, QStringLiteral("role_key"), QStringLiteral("ic"));
        }) << QStringLiteral("/roles/1");
    }

    void refusesMalformedDocuments()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, place);
        const QByteArray before = contentFingerprint(m_tmp->path());
        QVERIFY(!before.isEmpty());
        QSignalSpy added(&m_store->incidents(), &IncidentRepository::incidentAdded);
        const QString error = importJson(*m_store, bytes);
        QVERIFY2(!error.contains(QLatin1Char('\n')) && error.size() < 400, qPrintable(error.left(400)));
        QVERIFY2(error.contains(place), qPrintable(QStringLiteral("“%1” does not name %2").arg(error, place)));
        QCOMPARE(contentFingerprint(m_tmp->path()), before);
        QCOMPARE(added.size(), 0);
        QCOMPARE(m_store->incidents().list()->size(), 1);
    }

    void timesAreStrictUtcWithMilliseconds()
    {
        QCOMPARE(IncidentJson::timeText(0), QStringLiteral("1970-01-01T00:00:00.000Z"));
        QCOMPARE(IncidentJson::parseTime(QStringLiteral("2026-11-22T14:00:00.123Z")).value_or(-1),
                 qint64(1795356000123));
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("2026-11-22T14:00:00Z")));
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("2026-11-22T14:00:00.000+01:00")));
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("2026-11-22T25:00:00.000Z")));
    }

    void timesAreWrittenAsQDateTimeWritesThem()
    {
        // Written and read digit by digit for speed: every millisecond value reads as QDateTime's
        // ISO text would, before 1970 and at the ends of the years 1 and 9999 included, and reads
        // back to the same time.
        QList<qint64> times{0, -1, 1, 86399999, 86400000, -86400000, 951782400000 /* 2000-02-29 */,
                            4107542399999 /* 2100-02-28T23:59:59.999 */, 1764000000123};
        times << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()
              << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch()
              << QDateTime(QDate(-1, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch()
              << QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QRandomGenerator random(20261204);
        for (int i = 0; i < 20000; ++i)
            times << qint64(random.bounded(std::numeric_limits<quint32>::max())) * 100000 + random.bounded(100000) -
                         200000000000000;
        for (qint64 ms : std::as_const(times)) {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            const QString text = IncidentJson::timeText(ms);
            QCOMPARE(text, t.toString(Qt::ISODateWithMs));
            const bool readable = t.date().year() >= 1 && t.date().year() <= 9999;
            QCOMPARE(IncidentJson::parseTime(text).value_or(-1), readable ? ms : -1);
        }
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("2026-02-29T00:00:00.000Z")));
        QCOMPARE(IncidentJson::parseTime(QStringLiteral("2024-02-29T23:59:59.999Z")).value_or(-1),
                 QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch());
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("1900-02-29T00:00:00.000Z")));
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("2026-11-22T24:00:00.000Z")));
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("2026-11-22T23:60:00.000Z")));
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("2026-11-22T23:59:60.000Z")));
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("0000-01-01T00:00:00.000Z")));
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("2026-13-01T00:00:00.000Z")));
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("2026-11-22T14:00:00.000z")));
        QVERIFY(!IncidentJson::parseTime(QStringLiteral("2026-11-22T14:00:00.1234Z")));
        QVERIFY(!IncidentJson::parseTime(QString::fromUtf8("2026-11-22T14:00:00.00٣Z"))); // an Arabic-Indic three
    }

    void readOnlyStoreRefusesImport()
    {
        m_store->session().close();
        IncidentStore reader(*m_clock);
        StoreSession::Options options;
        options.mode = StoreSession::OpenMode::ReadOnly;
        QVERIFY(reader.session().open(m_tmp->path(), options).ok());
        auto document = IncidentJson::read(m_json);
        QVERIFY(document.ok());
        auto id = ExchangeRepository::importIncident(reader, *document);
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code(), StoreError::Code::ReadOnly);
    }
};

QTEST_GUILESS_MAIN(TstIncidentExchange)
#include "tst_incidentexchange.moc"
