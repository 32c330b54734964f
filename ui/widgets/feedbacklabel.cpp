#include "feedbacklabel.h"

#include "db/storeerror.h"
#include "kindstyle.h"

namespace cp {

FeedbackLabel::FeedbackLabel(const QString &objectName, QWidget *parent) : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    hide();
}

void FeedbackLabel::keepSpace()
{
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);
}

void FeedbackLabel::say(const QString &text, Tone tone)
{
    m_tone = tone;
    setText(text);
    QPalette colours; // the inherited one: a hint reads as ordinary text
    if (tone != Tone::Plain)
        colours.setColor(QPalette::WindowText, tone == Tone::Error ? KindStyle::errorColor() : KindStyle::savedColor());
    setPalette(colours);
    setVisible(!text.isEmpty());
}

bool FeedbackLabel::sayOutcome(const StoreError &error, const QString &prefix)
{
    if (error.ok()) {
        clear();
        return true;
    }
    sayError(prefix.isEmpty() ? error.message() : prefix.arg(error.message()));
    return false;
}

} // namespace cp
