#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace cp::bench {

// The times of one side (CommandPost or its floor) of one path, over every round.
struct Side
{
    QList<double> ms;
    // Where a side reports it (the start paths): its processor time, all threads, in ms. Unlike the
    // clock, it does not grow while other programs have the processor.
    QList<double> cpuMs;
    qint64 peakKib = 0; // the largest peak resident memory seen over the rounds

    void add(double milliseconds) { ms << milliseconds; }
    void addCpu(double milliseconds) { cpuMs << milliseconds; }
    double cpuMedian() const;
    void notePeak(qint64 kib) { peakKib = qMax(peakKib, kib); }
    double median() const;
    double p99() const;
    double min() const;
    QJsonObject toJson() const;
};

// One path: CommandPost beside the least the machine must do for the same result.
struct Path
{
    QString name;
    QString floorName;
    QString goal;                              // in words, as the table shows it
    std::function<bool(const Path &)> goalMet; // empty: no goal, only measured
    Side cp;
    Side floor;

    double ratio() const; // median against median
    QJsonObject toJson() const;
};

// The side-by-side table on standard output.
void printTable(const QList<Path> &paths, const QJsonObject &previous);
// The JSON document written after a run (and read back as 'previous' by the next one).
QJsonObject resultsJson(const QList<Path> &paths);

} // namespace cp::bench
