// fuzz_write_image_seeds DIR: generates the test image corpus (good and hostile images) in DIR
// and prints one path per line; fuzz/make-seeds.sh turns them into seeds.
#include "imagecorpus.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QTextStream err(stderr);
    if (arguments.size() != 2) {
        err << "usage: fuzz_write_image_seeds DIRECTORY\n";
        return 2;
    }
    cowherd::test::ImageCorpus corpus(arguments.at(1));
    if (!corpus.generate()) {
        err << "fuzz_write_image_seeds: " << corpus.errorString() << '\n';
        return 1;
    }
    QTextStream out(stdout);
    for (const cowherd::test::CorpusImage &image : corpus.images())
        out << image.path << '\n';
    return 0;
}
