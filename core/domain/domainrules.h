#pragma once

#include <QCoreApplication>
#include <QDateTime>

namespace cp {

// The rules a value meets wherever it enters CommandPost: typed in the window or the CLI (the
// store checks them), read from a roster CSV, or read from a whole-incident document. Each
// returns the problem in a sentence a person can act on, or an empty string.
class DomainRules
{
    Q_DECLARE_TR_FUNCTIONS(cp::DomainRules)
public:
    static constexpr int MaxTextChars = 64 * 1024;                  // an entry, a summary: far beyond a typed paragraph
    static constexpr qint64 FutureToleranceMs = 60 * 1000;          // clocks of two laptops disagree a little
    static constexpr qint64 MaxDurationMs = 7LL * 24 * 3600 * 1000; // a timer: anything longer is a typo

    // Text: at most MaxTextChars, and whole Unicode (a lone UTF-16 surrogate is not a character).
    static QString textProblem(const QString &text, int maxChars = MaxTextChars);
    // A handle: one word of letters, digits, dots, dashes or underscores, at most 64.
    static QString handleProblem(const QString &handle);
    // Something that has happened cannot be dated after now.
    static QString futureProblem(const QDateTime &at, const QDateTime &nowUtc);
    // An end not before its start ("resolved", "declared").
    static QString orderProblem(const QDateTime &start, const QDateTime &end, const QString &endName,
                                const QString &startName);
    // A timer's length or warning: not negative, at most a week.
    static QString durationProblem(qint64 ms);
};

} // namespace cp
