#include "benchstats.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cp::bench {

namespace {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank: the p99 of fewer than 100 samples is their maximum.
    const auto rank = qsizetype(std::ceil(p * double(values.size())));
    return values.at(qBound<qsizetype>(0, rank - 1, values.size() - 1));
}

QString formatMs(double ms)
{
    if (ms >= 1000)
        return QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 2);
    if (ms >= 10)
        return QStringLiteral("%1 ms").arg(ms, 0, 'f', 0);
    return QStringLiteral("%1 ms").arg(ms, 0, 'f', 2);
}

QString formatMib(qint64 kib)
{
    return kib > 0 ? QStringLiteral("%1").arg(double(kib) / 1024, 0, 'f', 0) : QStringLiteral("–");
}

} // namespace

double Side::median() const
{
    return percentile(ms, 0.5);
}

double Side::cpuMedian() const
{
    return percentile(cpuMs, 0.5);
}

double Side::p99() const
{
    return percentile(ms, 0.99);
}

double Side::min() const
{
    return ms.isEmpty() ? 0 : *std::min_element(ms.begin(), ms.end());
}

QJsonObject Side::toJson() const
{
    QJsonArray samples;
    for (double v : ms)
        samples.append(v);
    return {{QStringLiteral("median_ms"), median()},
            {QStringLiteral("p99_ms"), p99()},
            {QStringLiteral("min_ms"), min()},
            {QStringLiteral("rounds"), int(ms.size())},
            {QStringLiteral("peak_rss_kib"), peakKib},
            {QStringLiteral("samples_ms"), samples},
            {QStringLiteral("cpu_median_ms"), cpuMedian()}};
}

double Path::ratio() const
{
    return floor.median() > 0 ? cp.median() / floor.median() : 0;
}

QJsonObject Path::toJson() const
{
    QJsonObject o{{QStringLiteral("path"), name},
                  {QStringLiteral("floor"), floorName},
                  {QStringLiteral("goal"), goal},
                  {QStringLiteral("ratio"), ratio()},
                  {QStringLiteral("commandpost"), cp.toJson()},
                  {QStringLiteral("floor_result"), floor.toJson()}};
    if (goalMet)
        o.insert(QStringLiteral("goal_met"), goalMet(*this));
    return o;
}

QJsonObject resultsJson(const QList<Path> &paths)
{
    QJsonArray array;
    for (const Path &p : paths)
        array.append(p.toJson());
    return {{QStringLiteral("format"), QStringLiteral("commandpost-bench")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("paths"), array}};
}

void printTable(const QList<Path> &paths, const QJsonObject &previous)
{
    QHash<QString, double> lastRatio;
    for (const auto &v : previous.value(QStringLiteral("paths")).toArray()) {
        const QJsonObject o = v.toObject();
        lastRatio.insert(o.value(QStringLiteral("path")).toString(), o.value(QStringLiteral("ratio")).toDouble());
    }
    std::printf(
        "\n| path | CommandPost median | p99 | MiB | floor | floor median | p99 | MiB | ratio | last | goal | met |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const Path &p : paths) {
        const QString last = lastRatio.contains(p.name) ? QStringLiteral("%1×").arg(lastRatio.value(p.name), 0, 'f', 2)
                                                        : QStringLiteral("–");
        const QString met = !p.goalMet     ? QStringLiteral("–")
                            : p.goalMet(p) ? QStringLiteral("yes")
                                           : QStringLiteral("NO");
        std::printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", qPrintable(p.name),
                    qPrintable(formatMs(p.cp.median())), qPrintable(formatMs(p.cp.p99())),
                    qPrintable(formatMib(p.cp.peakKib)), qPrintable(p.floorName),
                    qPrintable(formatMs(p.floor.median())), qPrintable(formatMs(p.floor.p99())),
                    qPrintable(formatMib(p.floor.peakKib)), qPrintable(QStringLiteral("%1×").arg(p.ratio(), 0, 'f', 2)),
                    qPrintable(last), qPrintable(p.goal), qPrintable(met));
    }
    // The processor time beside the table: what a loaded machine does not inflate.
    for (const Path &p : paths) {
        if (p.cp.cpuMs.isEmpty() || p.floor.cpuMs.isEmpty() || p.floor.cpuMedian() <= 0)
            continue;
        std::printf("%s: processor time %s, floor %s (%.2f×)\n", qPrintable(p.name),
                    qPrintable(formatMs(p.cp.cpuMedian())), qPrintable(formatMs(p.floor.cpuMedian())),
                    p.cp.cpuMedian() / p.floor.cpuMedian());
    }
    std::fflush(stdout);
}

} // namespace cp::bench
