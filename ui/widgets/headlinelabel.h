#pragma once

#include <QLabel>

namespace cp {

// A label in a larger type than its parent's, enlarged when first shown. A label held in a page
// that is rarely shown (an empty state behind a QStackedWidget) is still measured for its minimum
// and preferred size at every layout of the stack: in the larger type that would load a font of
// its own (a fontconfig match and a FreeType face) at every start for a page that is not on screen.
// Its sizes in the parent's type stay below those of the pages a start shows.
class HeadlineLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlineLabel)

public:
    // scale: the type's size against the parent's (1.5: half as large again).
    explicit HeadlineLabel(qreal scale, QWidget *parent = nullptr);

    bool isEnlarged() const { return m_enlarged; }

protected:
    bool event(QEvent *event) override;

private:
    qreal m_scale;
    bool m_enlarged = false;
};

} // namespace cp
