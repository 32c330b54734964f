#pragma once

#include <QLabel>

namespace cp {

class StoreError;

// The one line under a dock's entry field that says what just happened: an error in the error
// colour, a success in the saved colour, a hint in the ordinary text colour. Empty, it takes
// no room (or keeps its room, where the form must not jump: keepSpace).
class FeedbackLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedbackLabel)

public:
    enum class Tone
    {
        Plain,
        Done,
        Error,
    };

    explicit FeedbackLabel(const QString &objectName, QWidget *parent = nullptr);

    void keepSpace();
    void say(const QString &text, Tone tone = Tone::Plain);
    void sayError(const QString &text) { say(text, Tone::Error); }
    // The refusal's message, or nothing when 'error' is ok(); true when it was ok.
    bool sayOutcome(const StoreError &error, const QString &prefix = QString());
    void clear() { say(QString()); }
    Tone tone() const { return m_tone; }

private:
    Tone m_tone = Tone::Plain;
};

} // namespace cp
