// ./dev bench: every CommandPost path timed beside its floor — the least the machine must do for
// the same result — in the same run, several rounds each. Absolute times drift on a shared
// machine; the ratio within one run is what is tracked. Prints a table, writes JSON
// (CP_BENCH_JSON, default bench-results.json in the working directory) and shows the ratios of
// the previous run beside the new ones.
//
//   CP_BENCH_ROUNDS   rounds of each path (default 7; appends take 20 samples a round)
//   CP_BENCH_BIG      entries of the large incident (default 1,000,000)
//   CP_BENCH_ONLY     run only the paths whose name contains this text
//
// Also the writer process of the outside-commit paths: bench_floors --writer DB|server:SERVER INCIDENT COUNT,
// and of the concurrent writers' path: bench_floors --burst-writer server:SERVER INCIDENT COUNT.
#include "db/commitwatcher.h"
#include "db/incidentstore.h"
#include "domain/clock.h"
#include "exchange/exchangerepository.h"
#include "exchange/incidentjson.h"
#include "exchange/rostercsv.h"
#include "harness.h"
#include "mainwindow.h"
#include "models/timelinemodel.h"
#include "pdffloor.h"
#include "pgtestserver.h"
#include "preferences.h"
#include "rawpostgres.h"
#include "rawsqlite.h"
#include "render/incidentexport.h"
#include "server/serverconnection.h"
#include "tempdatabase.h"
#include "timers/timerengine.h"
#include "undo/savestatus.h"
#include "widgets/firstframemark.h"
#include "workspaces/windowplacement.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QBuffer>
#include <QDeadlineTimer>
#include <QDockWidget>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>
#include <QSettings>
#include <QSqlDriver>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

using namespace cp;
using namespace cp::bench;

namespace cp::bench {

Path &Harness::add(const QString &name, const QString &floorName, const QString &goal,
                   std::function<bool(const Path &)> goalMet)
{
    m_paths.append(Path{name, floorName, goal, std::move(goalMet), {}, {}});
    return m_paths.last();
}

qint64 Harness::makeIncident(const QString &path, int entries)
{
    qint64 incident = 0;
    {
        IncidentStore store(SystemClock::instance());
        if (StoreError error = store.session().open(path); !error.ok()) {
            std::fprintf(stderr, "bench: %s\n", qPrintable(error.message()));
            return 0;
        }
        NewIncident n;
        n.title = QStringLiteral("Checkout outage");
        n.declaredAt = QDateTime::currentDateTimeUtc().addDays(-30);
        auto created = store.incidents().create(n, QStringLiteral("ana"));
        incident = created ? *created : 0;
    }
    RawSqlite raw(path);
    if (entries > 0 && !raw.appendEntries(incident, entries))
        return 0;
    return incident;
}

QString Harness::screenConfig()
{
    // Qt's offscreen screen is 800×600 unless told otherwise, where the window would open maximised
    // to it; on a 1080-line screen it opens at its own default size, as on a user's desktop.
    const QString path = m_tmp.path(QStringLiteral("screen.json"));
    QFile file(path);
    if (!file.exists() && file.open(QIODevice::WriteOnly))
        file.write(R"({"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    return path;
}

bool Harness::timeFirstFrame(const QString &program, const QStringList &arguments, Side &side, QSize *size)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CP_MARK_FIRST_FRAME"), QStringLiteral("1"));
    if (env.value(QStringLiteral("QT_QPA_PLATFORM")) == QLatin1String("offscreen"))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen:configfile=") + screenConfig());
    // The app's settings and drafts go to a scratch home, never the user's.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_tmp.path(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_tmp.path(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_tmp.path(QStringLiteral("state")));
    process.setProcessEnvironment(env);
    const qint64 start = monotonicNs();
    process.start(program, arguments);
    QByteArray err;
    const bool marked = waitUntil(
        [&] {
            err += process.readAllStandardError();
            return err.contains("cp-first-frame") || process.state() == QProcess::NotRunning;
        },
        60000);
    const double ms = msSince(start);
    process.waitForFinished(10000);
    err += process.readAllStandardError();
    const int at = int(err.indexOf("cp-first-frame"));
    if (!marked || at < 0) {
        std::fprintf(stderr, "bench: %s gave no first frame: %s\n", qPrintable(program), err.constData());
        return false;
    }
    side.add(ms);
    const QByteArray line = err.mid(at, err.indexOf('\n', at) - at);
    // "cp-first-frame cpu-ms=M kernel-ms=K peak-rss-kib=N size=WxH"
    const auto field = [&line](const QByteArray &name) {
        const qsizetype found = line.indexOf(QByteArray(" ") + name + "=");
        if (found < 0)
            return QByteArray();
        const qsizetype from = found + name.size() + 2;
        const qsizetype end = line.indexOf(' ', from);
        return line.mid(from, end < 0 ? -1 : end - from);
    };
    side.notePeak(field("peak-rss-kib").toLongLong());
    if (const QByteArray cpu = field("cpu-ms"); !cpu.isEmpty())
        side.addCpu(cpu.toDouble());
    const QList<QByteArray> wh = field("size").split('x');
    if (size && wh.size() == 2)
        *size = QSize(wh.at(0).toInt(), wh.at(1).toInt());
    return true;
}

void Harness::startPaths()
{
    const QList<std::pair<QString, int>> sizes{{QStringLiteral("10k"), 10000},
                                               {QStringLiteral("%1k").arg(m_big / 1000), m_big}};
    for (const auto &[label, entries] : sizes) {
        const QString name = QStringLiteral("start to first frame, %1-entry incident").arg(label);
        if (!wanted(name))
            continue;
        const QString db = m_tmp.path(QStringLiteral("start-%1.sqlite").arg(label));
        if (!makeIncident(db, entries))
            return;
        const QString docks = QString::number(m_docks);
        const bool big = entries > 10000;
        Path &p = add(name, QStringLiteral("bare QMainWindow, %1 docks of table views").arg(m_docks),
                      big ? QStringLiteral("≤ floor + 60 ms, memory as at 10k") : QStringLiteral("≤ 1.3×, ≤ +10 MiB"),
                      big ? std::function<bool(const Path &)>(
                                [](const Path &r) { return r.cp.median() <= r.floor.median() + 60; })
                          : std::function<bool(const Path &)>([](const Path &r) {
                                return r.ratio() <= 1.3 && r.cp.peakKib <= r.floor.peakKib + 10 * 1024;
                            }));
        // The floor opens as large as the window does on the same screen: the same pixels to paint.
        const QSize windowSize = WindowPlacement::defaultSize(nullptr);
        const QString floorSize = QStringLiteral("%1x%2").arg(windowSize.width()).arg(windowSize.height());
        // At 10k also the second floor, in the same rounds: the window's first frame built of plain
        // Qt widgets, what Qt itself costs for what the window shows (floorframe.cpp).
        const QString frameName = QStringLiteral("start to first frame, %1: beside the same frame in plain Qt").arg(label);
        const bool withFrame = !big && wanted(frameName);
        Side frame;
        for (int r = 0; r < m_rounds; ++r) {
            QSize floorShown, cpShown, frameShown;
            if (!timeFirstFrame(m_floorWindow, {docks, floorSize}, p.floor, &floorShown) ||
                !timeFirstFrame(m_app, {QStringLiteral("--db"), db}, p.cp, &cpShown) ||
                (withFrame && !timeFirstFrame(m_floorFrame, {floorSize}, frame, &frameShown)))
                return;
            if (floorShown != cpShown || (withFrame && frameShown != cpShown)) {
                fail(QStringLiteral("%1: the window painted %2×%3, the floors %4×%5 and %6×%7; they must match")
                         .arg(name)
                         .arg(cpShown.width())
                         .arg(cpShown.height())
                         .arg(floorShown.width())
                         .arg(floorShown.height())
                         .arg(frameShown.width())
                         .arg(frameShown.height()));
                return;
            }
        }
        if (withFrame) {
            const Side window = p.cp; // the same starts of the window, against the second floor
            Path &f = add(frameName, QStringLiteral("the window's first frame in plain Qt widgets, no store"),
                          QStringLiteral("measured"));
            f.cp = window;
            f.floor = frame;
        }
    }
}

bool Harness::appendInTurn(Path &p, const std::function<bool()> &floor, const std::function<bool()> &cp) const
{
    for (int r = 0; r < m_rounds; ++r) {
        for (int i = 0; i < 20; ++i) {
            // Each side goes first half the time: with the floor always first, the side after it
            // came out cheaper on the clock and in processor time (the floor's own append with a
            // change-log row more at 0.81–0.86× of the floor).
            const bool floorFirst = i % 2 == 0;
            if (!timed(floorFirst ? p.floor : p.cp, floorFirst ? floor : cp) ||
                !timed(floorFirst ? p.cp : p.floor, floorFirst ? cp : floor))
                return false;
        }
    }
    return true;
}

void Harness::appendPaths()
{
    const QString throughStore = QStringLiteral("durable append through the store");
    const QString withChangeRow = QStringLiteral("durable append: the floor with a change-log row");
    if (!wanted(throughStore) && !wanted(withChangeRow))
        return;
    const QString floorDb = m_tmp.path(QStringLiteral("append-floor.sqlite"));
    const qint64 floorIncident = makeIncident(floorDb, 10000);
    RawSqlite floor(floorDb);
    if (!floor.ok())
        return;
    const auto floorAppend = [&] { return floor.appendEntry(floorIncident, EntryText); };
    if (wanted(throughStore)) {
        const QString cpDb = m_tmp.path(QStringLiteral("append-cp.sqlite"));
        const qint64 incident = makeIncident(cpDb, 10000);
        Path &p = add(throughStore, QStringLiteral("SQLite C API: INSERT + COMMIT, WAL, synchronous=FULL"),
                      QStringLiteral("≤ 1.3×"), [](const Path &r) { return r.ratio() <= 1.3; });
        IncidentStore store(SystemClock::instance());
        if (!store.session().open(cpDb).ok())
            return;
        NewEntry e;
        e.incidentId = incident;
        e.author = Author;
        e.text = QString::fromUtf8(EntryText);
        resetPeakRss();
        if (!appendInTurn(p, floorAppend, [&] { return store.timeline().append(e).ok(); }))
            return;
    }
    if (wanted(withChangeRow)) {
        const QString loggedDb = m_tmp.path(QStringLiteral("append-changelog.sqlite"));
        const qint64 incident = makeIncident(loggedDb, 10000);
        // A floor file of its own, as new as the other side's (the first floor's has grown).
        const QString pairDb = m_tmp.path(QStringLiteral("append-floor-pair.sqlite"));
        const qint64 pairIncident = makeIncident(pairDb, 10000);
        Path &p = add(withChangeRow, QStringLiteral("SQLite C API: INSERT + COMMIT"), QStringLiteral("measured"));
        RawSqlite logged(loggedDb);
        RawSqlite pair(pairDb);
        appendInTurn(p, [&] { return pair.ok() && pair.appendEntry(pairIncident, EntryText); },
                     [&] { return logged.ok() && logged.appendEntry(incident, EntryText, RawSqlite::ChangeRow::Logged); });
    }
}

namespace {

// Notes when a widget is next painted.
class PaintMark final : public QObject
{
public:
    explicit PaintMark(QWidget *widget) { widget->installEventFilter(this); }
    qint64 paintedAt = 0;
    qint64 paintedCpu = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && paintedAt == 0) {
            paintedAt = monotonicNs();
            paintedCpu = processCpuNs();
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void Harness::quickEntryPath()
{
    const QString name = QStringLiteral("quick entry to \"Saved\"");
    if (!wanted(name))
        return;
    const QString cpDb = m_tmp.path(QStringLiteral("quick-cp.sqlite"));
    const QString floorDb = m_tmp.path(QStringLiteral("quick-floor.sqlite"));
    const qint64 incident = makeIncident(cpDb, 10000);
    const qint64 floorIncident = makeIncident(floorDb, 10000);
    add(name, QStringLiteral("SQLite C API append"), QStringLiteral("≤ 1.3×"),
        [](const Path &r) { return r.ratio() <= 1.3; });
    // The same entries, to the frame that shows them (the new row painted): what the person at the
    // keyboard sees. The indicator itself is not always repainted: within one second its text
    // stays the same.
    add(QStringLiteral("quick entry to its row painted"), QStringLiteral("SQLite C API append"),
        QStringLiteral("measured"));
    Path &p = m_paths[m_paths.size() - 2];
    Path &painted = m_paths.last();
    IncidentStore store(SystemClock::instance());
    RawSqlite raw(floorDb);
    if (!store.session().open(cpDb).ok() || !raw.ok())
        return;
    QSettings settings(m_tmp.path(QStringLiteral("quick.ini")), QSettings::IniFormat);
    Preferences preferences(settings);
    preferences.setAuthorName(Author);
    MainWindow window(store, SystemClock::instance(), preferences, settings);
    window.show();
    window.openIncident(incident);
    auto *line = window.findChild<QLineEdit *>(QStringLiteral("quickEntryLine"));
    auto *view = window.findChild<QAbstractItemView *>(QStringLiteral("timelineView"));
    if (!line || !view || !QTest::qWaitForWindowExposed(&window))
        return;
    PaintMark paint(view->viewport());
    qint64 savedAt = 0;
    qint64 savedCpu = 0;
    QObject::connect(window.saveStatus(), &SaveStatus::saved, &window, [&] {
        savedAt = monotonicNs();
        savedCpu = processCpuNs();
    });
    for (int r = 0; r < m_rounds; ++r) {
        for (int i = 0; i < 5; ++i) {
            if (!timed(p.floor, [&] { return raw.appendEntry(floorIncident, EntryText); }))
                return;
            painted.floor.add(p.floor.ms.last());
            painted.floor.addCpu(p.floor.cpuMs.last());
            line->setFocus();
            QTest::keyClicks(line, QString::fromUtf8(EntryText));
            QCoreApplication::processEvents(); // the typing's repaints are not the entry's
            savedAt = 0;
            paint.paintedAt = 0;
            const qint64 cpuStart = processCpuNs();
            const qint64 start = monotonicNs();
            QTest::keyClick(line, Qt::Key_Return);
            if (!waitUntil([&] { return savedAt != 0; }, 5000))
                return;
            p.cp.add(double(savedAt - start) / 1e6);
            p.cp.addCpu(double(savedCpu - cpuStart) / 1e6);
            if (!waitUntil([&] { return paint.paintedAt != 0; }, 5000))
                return fail(QStringLiteral("the new row was never painted"));
            painted.cp.add(double(paint.paintedAt - start) / 1e6);
            painted.cp.addCpu(double(paint.paintedCpu - cpuStart) / 1e6);
        }
    }
}

void Harness::outsideCommitPath()
{
    const QString name = QStringLiteral("another process's commit to the window's model");
    if (!wanted(name))
        return;
    const QString db = m_tmp.path(QStringLiteral("follow.sqlite"));
    const qint64 incident = makeIncident(db, 10000);
    Path &p = add(name, QStringLiteral("inotify on the -wal + data_version, SQLite C API"),
                  QStringLiteral("p99 ≤ 60 ms"), [](const Path &r) { return r.cp.p99() <= 60; });
    IncidentStore store(SystemClock::instance());
    if (!store.session().open(db).ok())
        return;
    FloorReader reader(db);
    followWriter(p, store, incident, db, [&](const QList<std::pair<qint64, qint64>> &commits) {
        const QHash<qint64, qint64> floorSeen = reader.seenNs();
        for (const auto &[id, committedNs] : commits) {
            if (floorSeen.contains(id))
                p.floor.add(double(floorSeen.value(id) - committedNs) / 1e6);
        }
    });
}

void Harness::fail(const QString &why)
{
    std::fprintf(stderr, "bench: FAILED: %s\n", qPrintable(why));
    m_failed = true;
}

bool Harness::followWriter(Path &p, IncidentStore &store, qint64 incident, const QString &target,
                           const std::function<void(const QList<std::pair<qint64, qint64>> &)> &floor)
{
    const CommitWatcher watcher(store.session()); // as the app does (app/gui/main.cpp)
    QSettings settings(m_tmp.path(QStringLiteral("follow.ini")), QSettings::IniFormat);
    Preferences preferences(settings);
    MainWindow window(store, SystemClock::instance(), preferences, settings);
    window.show();
    window.openIncident(incident);
    auto *model = window.findChild<TimelineModel *>();
    if (!model)
        return false;
    QHash<qint64, qint64> rowNs; // entry id → when its row appeared
    QObject::connect(model, &QAbstractItemModel::rowsInserted, &window, [&](const QModelIndex &, int first, int last) {
        const qint64 now = monotonicNs();
        for (int row = first; row <= last; ++row)
            rowNs.insert(model->index(row, 0).data(TimelineModel::EntryIdRole).toLongLong(), now);
    });
    QProcess writer;
    writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const int count = m_rounds * 10;
    writer.start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--writer"), target, QString::number(incident), QString::number(count)});
    QList<std::pair<qint64, qint64>> commits; // id, when its commit returned
    QByteArray out;
    auto readCommits = [&] {
        out += writer.readAllStandardOutput();
        while (out.contains('\n')) {
            const qsizetype end = out.indexOf('\n');
            const QList<QByteArray> f = out.left(end).split(' ');
            out.remove(0, end + 1);
            if (f.size() == 3 && f.at(0) == "committed")
                commits.append({f.at(1).toLongLong(), f.at(2).toLongLong()});
        }
    };
    const bool done = waitUntil(
        [&] {
            readCommits();
            return writer.state() == QProcess::NotRunning && commits.size() == count &&
                   std::all_of(commits.cbegin(), commits.cend(),
                               [&](const auto &c) { return rowNs.contains(c.first); });
        },
        count * 1000 + 10000);
    if (!done || commits.size() != count) {
        std::fprintf(stderr, "bench: the outside writer made %lld of %d commits; the window saw %lld\n",
                     qint64(commits.size()), count, qint64(rowNs.size()));
        return false;
    }
    for (const auto &[id, committedNs] : std::as_const(commits)) {
        if (rowNs.contains(id))
            p.cp.add(double(rowNs.value(id) - committedNs) / 1e6);
    }
    floor(commits);
    return true;
}

void Harness::timerPath()
{
    const QString name = QStringLiteral("timer alert after its deadline");
    if (!wanted(name))
        return;
    const QString db = m_tmp.path(QStringLiteral("timers.sqlite"));
    const qint64 incident = makeIncident(db, 100);
    Path &p = add(name, QStringLiteral("QTimer (precise) to the same deadline"),
                  QStringLiteral("never early, p99 ≤ 20 ms late"),
                  [](const Path &r) { return r.cp.min() >= 0 && r.cp.p99() <= 20; });
    IncidentStore store(SystemClock::instance());
    if (!store.session().open(db).ok())
        return;
    QSettings settings(m_tmp.path(QStringLiteral("timers.ini")), QSettings::IniFormat);
    Preferences preferences(settings);
    MainWindow window(store, SystemClock::instance(), preferences, settings);
    window.show();
    window.openIncident(incident);
    auto *engine = window.findChild<TimerEngine *>();
    if (!engine)
        return;
    QHash<qint64, qint64> deadlines; // timer id → deadline (ms since the epoch)
    QObject::connect(engine, &TimerEngine::timerExpired, &window, [&](qint64 id) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (deadlines.contains(id))
            p.cp.add(double(now - deadlines.take(id)));
    });
    for (int r = 0; r < m_rounds; ++r) {
        const qint64 durationMs = 1000 + QRandomGenerator::global()->bounded(1500);
        TimerOptions options;
        options.warnMs = 0;
        auto id =
            store.timers().startCountdown(incident, QStringLiteral("Check-in %1").arg(r), durationMs, options, Author);
        if (!id)
            return;
        const qint64 deadline = store.timers().timer(*id)->deadlineAt.toMSecsSinceEpoch();
        deadlines.insert(*id, deadline);
        bool floorFired = false;
        QTimer::singleShot(int(deadline - QDateTime::currentMSecsSinceEpoch()), Qt::PreciseTimer, &window, [&] {
            p.floor.add(double(QDateTime::currentMSecsSinceEpoch() - deadline));
            floorFired = true;
        });
        if (!waitUntil([&] { return floorFired && !deadlines.contains(*id); }, 10000))
            return;
    }
}

void Harness::exchangePaths()
{
    const QString db = m_tmp.path(QStringLiteral("exchange.sqlite"));
    const qint64 incident = makeIncident(db, 5000);
    IncidentStore store(SystemClock::instance());
    if (!incident || !store.session().open(db).ok())
        return;
    RawSqlite raw(db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (IncidentExport::Format format : IncidentExport::all()) {
        const QString name = QStringLiteral("export %1, 5,000 entries").arg(IncidentExport::key(format));
        if (!wanted(name))
            continue;
        // The activity log holds every entry: its second floor is Qt's PDF engine drawing the same
        // cells. (The other PDF exports hold a page or two of the incident.)
        const bool activityLog = format == IncidentExport::Format::Ics214;
        Side cp;
        Side bytesFloor;
        Side qtFloor;
        const QString out = m_tmp.path(QStringLiteral("export.") + IncidentExport::extension(format));
        for (int r = 0; r < m_rounds; ++r) {
            resetPeakRss();
            if (!timed(cp, [&] { return IncidentExport::writeFile(store, incident, format, out, now).ok(); }))
                return;
            cp.notePeak(FirstFrameMark::peakRssKib());
            QFile written(out);
            written.open(QIODevice::ReadOnly);
            const QByteArray bytes = written.readAll();
            resetPeakRss();
            timed(bytesFloor, [&] {
                raw.readEntries(incident);
                QSaveFile floorFile(m_tmp.path(QStringLiteral("floor.out")));
                floorFile.open(QIODevice::WriteOnly);
                floorFile.write(QByteArray(bytes.size(), 'x'));
                return floorFile.commit();
            });
            bytesFloor.notePeak(FirstFrameMark::peakRssKib());
            if (!activityLog)
                continue;
            resetPeakRss();
            timed(qtFloor, [&] {
                QSaveFile qtFile(m_tmp.path(QStringLiteral("floor.pdf")));
                qtFile.open(QIODevice::WriteOnly);
                return writePdfTable(raw.activityRows(incident), {0.2, 0.8}, qtFile) > 0 && qtFile.commit();
            });
            qtFloor.notePeak(FirstFrameMark::peakRssKib());
        }
        Path &p = add(name, QStringLiteral("read the entries (C API), write as many bytes, fsync"), QString());
        p.cp = cp;
        p.floor = bytesFloor;
        if (activityLog) {
            Path &q = add(name + QStringLiteral(", beside Qt's PDF engine"),
                          QStringLiteral("QPdfWriter: each cell laid out once (QTextLayout) and drawn, same page"),
                          QString());
            q.cp = cp;
            q.floor = qtFloor;
        }
    }
    const QString name = QStringLiteral("JSON import, 5,000 entries");
    if (!wanted(name))
        return;
    QBuffer json;
    json.open(QIODevice::WriteOnly);
    if (!IncidentExport::write(store, incident, IncidentExport::Format::Json, json, now).ok())
        return;
    Path &p = add(name, QStringLiteral("SQLite C API: 5,000 rows in one transaction"), QString());
    for (int r = 0; r < m_rounds; ++r) {
        const QString into = m_tmp.path(QStringLiteral("import-%1.sqlite").arg(r));
        const QString floorInto = m_tmp.path(QStringLiteral("import-floor-%1.sqlite").arg(r));
        makeIncident(floorInto, 0);
        IncidentStore target(SystemClock::instance());
        if (!target.session().open(into).ok())
            return;
        resetPeakRss();
        if (!timed(p.cp, [&] {
                auto document = IncidentJson::read(json.data());
                return document && ExchangeRepository::importIncident(target, *document);
            })) {
            std::fprintf(stderr, "bench: the JSON import failed\n");
            return;
        }
        p.cp.notePeak(FirstFrameMark::peakRssKib());
        RawSqlite floor(floorInto);
        resetPeakRss();
        timed(p.floor, [&] { return floor.appendEntries(1, 5000); });
        p.floor.notePeak(FirstFrameMark::peakRssKib());
    }
}

void Harness::rosterPaths()
{
    for (int people : {20000, 100000}) {
        const QString name = QStringLiteral("roster CSV import, %1k people").arg(people / 1000);
        if (!wanted(name))
            continue;
        Path &p = add(name, QStringLiteral("SQLite C API: as many rows in one transaction"),
                      people >= 100000 ? QStringLiteral("≤ 2 s") : QString(),
                      people >= 100000
                          ? std::function<bool(const Path &)>([](const Path &r) { return r.cp.median() <= 2000; })
                          : std::function<bool(const Path &)>());
        QByteArray csv = "name,handle,team,department,contact,trained_roles,trainee\n";
        for (int i = 0; i < people; ++i)
            csv += "Person " + QByteArray::number(i) + ",p" + QByteArray::number(i) + ",Team " +
                   QByteArray::number(i % 40) + ",,+1 555 " + QByteArray::number(1000000 + i) + ",scribe,no\n";
        // The big import is slow today: fewer rounds, so the whole run stays bounded.
        const int rounds = qMin(m_rounds, people >= 100000 ? 2 : 3);
        for (int r = 0; r < rounds; ++r) {
            const QString into = m_tmp.path(QStringLiteral("roster-%1-%2.sqlite").arg(people).arg(r));
            const QString floorInto = m_tmp.path(QStringLiteral("roster-floor-%1-%2.sqlite").arg(people).arg(r));
            IncidentStore target(SystemClock::instance());
            if (!target.session().open(into).ok())
                return;
            resetPeakRss();
            QString error;
            if (!timed(p.cp, [&] {
                    QList<Person> read;
                    return RosterCsv::readPeople(csv, &read, &error) && target.roster().importRoster({}, read).ok();
                })) {
                std::fprintf(stderr, "bench: the roster import failed: %s\n", qPrintable(error));
                return;
            }
            p.cp.notePeak(FirstFrameMark::peakRssKib());
            RawSqlite floor(floorInto);
            resetPeakRss();
            timed(p.floor, [&] { return floor.bulkInsert(people, 7); });
            p.floor.notePeak(FirstFrameMark::peakRssKib());
        }
    }
}

int Harness::run()
{
    // The window's dock count sets the floor's.
    {
        IncidentStore store(SystemClock::instance());
        QSettings settings(m_tmp.path(QStringLiteral("count.ini")), QSettings::IniFormat);
        Preferences preferences(settings);
        if (!store.session().open(m_tmp.path(QStringLiteral("count.sqlite"))).ok())
            return 1;
        MainWindow window(store, SystemClock::instance(), preferences, settings);
        m_docks = int(window.findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly).size());
    }
    startPaths();
    appendPaths();
    quickEntryPath();
    outsideCommitPath();
    teamCommitPath();
    teamWritersPath();
    teamBigIncidentPath();
    timerPath();
    exchangePaths();
    rosterPaths();

    const QString jsonPath = qEnvironmentVariable("CP_BENCH_JSON", QStringLiteral("bench-results.json"));
    QJsonObject previous;
    QFile last(jsonPath);
    if (last.open(QIODevice::ReadOnly))
        previous = QJsonDocument::fromJson(last.readAll()).object();
    last.close();
    printTable(m_paths, previous);
    QSaveFile out(jsonPath);
    if (!out.open(QIODevice::WriteOnly))
        return 1;
    out.write(QJsonDocument(resultsJson(m_paths)).toJson());
    if (!out.commit())
        return 1;
    std::printf("\nbench: %lld paths, %d rounds; results in %s\n", qint64(m_paths.size()), m_rounds,
                qPrintable(QFileInfo(jsonPath).absoluteFilePath()));
    return m_failed ? 1 : 0;
}

} // namespace cp::bench

namespace {

// The other process of the outside-commit path: appends through its own store, as the CLI
// does, and prints each id with the CLOCK_MONOTONIC time its commit returned. A burst writer
// says "ready" once connected, waits for a line on stdin, then appends without pausing and
// prints when each append began too; each of its entries has a text of its own.
int writer(const QString &db, qint64 incident, int count, bool burst)
{
    IncidentStore store(SystemClock::instance());
    // "server:SERVER": another laptop of a team, on the server.
    const bool server = db.startsWith(QLatin1String("server:"));
    if (StoreError error =
            server ? store.session().openServer(*ServerAddress::parse(db.mid(7)), {}) : store.session().open(db);
        !error.ok()) {
        std::fprintf(stderr, "bench writer: %s\n", qPrintable(error.message()));
        return 1;
    }
    NewEntry e;
    e.incidentId = incident;
    e.author = Author;
    e.text = QString::fromUtf8(EntryText);
    if (burst) {
        std::printf("ready\n");
        std::fflush(stdout);
        char go[8];
        if (!std::fgets(go, sizeof go, stdin))
            return 1;
    }
    for (int i = 0; i < count; ++i) {
        // Irregular gaps, so the commits fall anywhere in a reader's rhythm.
        if (!burst)
            QThread::msleep(40 + QRandomGenerator::global()->bounded(120));
        else
            e.text = QStringLiteral("%1 (writer %2, entry %3)")
                         .arg(QString::fromUtf8(EntryText))
                         .arg(QCoreApplication::applicationPid())
                         .arg(i);
        const qint64 start = monotonicNs();
        auto id = store.timeline().append(e);
        const qint64 at = monotonicNs();
        if (!id) {
            std::fprintf(stderr, "bench writer: %s\n", qPrintable(id.error().message()));
            return 1;
        }
        if (burst)
            std::printf("committed %lld %lld %lld\n", *id, start, at);
        else
            std::printf("committed %lld %lld\n", *id, at);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 5 && (QByteArray(argv[1]) == "--writer" || QByteArray(argv[1]) == "--burst-writer")) {
        QCoreApplication app(argc, argv);
        return writer(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong(), QByteArray(argv[4]).toInt(),
                      QByteArray(argv[1]) == "--burst-writer");
    }
    QApplication app(argc, argv);
    return Harness().run();
}
